package io.linnet.tenancy.account;

import io.linnet.tenancy.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** What makes an e-mail address, a password and a display name acceptable. */
public final class AccountRules {

    public static final int MIN_PASSWORD = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*$");

    private AccountRules() {
    }

    public static String email(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("email must be an e-mail address such as ada@example.com");
        }
        return email;
    }

    public static String password(String raw) {
        if (raw == null || raw.length() < MIN_PASSWORD) {
            throw DomainException.invalid("password must have at least " + MIN_PASSWORD + " characters");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw DomainException.invalid("password must be at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
        return raw;
    }

    public static String displayName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip();
        if (name.length() > 100) {
            throw DomainException.invalid("displayName must be at most 100 characters");
        }
        return name;
    }
}
