package io.linnet.tenancy.account;

import io.linnet.tenancy.Role;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Creates the platform's first operator account on the first start. Later starts change nothing,
 * so an operator who changed the password keeps it.
 */
@Service
public class OperatorBootstrap {

    /** The operator that the first start created; {@code generatedPassword} is set when none was configured. */
    public record CreatedOperator(String email, Optional<String> generatedPassword) {
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final PlatformDatabase platform;
    private final PasswordEncoder passwords;

    public OperatorBootstrap(PlatformDatabase platform, PasswordEncoder passwords) {
        this.platform = platform;
        this.passwords = passwords;
    }

    /**
     * Creates the operator unless one exists already.
     *
     * @return the created operator, or empty when the platform already had one
     */
    public Optional<CreatedOperator> ensureOperator(String email, Optional<String> password) {
        String address = AccountRules.email(email);
        return platform.inTransaction(() -> {
            // serialises concurrent first starts of several nodes
            platform.jdbc().sql("select pg_advisory_xact_lock(7420001)").query().singleValue();
            boolean exists = platform.jdbc().sql("select exists (select 1 from accounts where role = 'OPERATOR')")
                    .query(Boolean.class).single();
            if (exists) {
                return Optional.empty();
            }
            Optional<String> generated = password.isEmpty() ? Optional.of(generatePassword()) : Optional.empty();
            String chosen = password.map(AccountRules::password).orElseGet(generated::get);
            Accounts.insert(platform.jdbc(), Optional.empty(), address, "Platform operator", Role.OPERATOR,
                    passwords.encode(chosen), null);
            return Optional.of(new CreatedOperator(address, generated));
        });
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
