package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.secret.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Two-factor sign-in for console password accounts: a TOTP secret ({@link Totp}) kept encrypted under
 * the master key, and ten one-time recovery codes kept as hashes. Turning it on takes two steps, so a
 * mistyped secret never locks anyone out: {@link #start} makes a secret, {@link #confirm} switches it
 * on once the authenticator's code matches, and answers the recovery codes, shown once. At sign-in,
 * {@link #verify} takes a code or a recovery code; a code is accepted one step either side of now and
 * never twice, and {@value #MAX_FAILURES} wrong ones lock the step for {@link #LOCK}, as wrong
 * passwords lock the first.
 */
@Service
public class TwoFactor {

    public static final int RECOVERY_CODES = 10;
    static final int MAX_FAILURES = 10;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A secret waiting for its first code: to type into an authenticator, or to open as a URI. */
    public record Enrolment(String secret, String uri) {
    }

    /** What a sign-in code was found to be. */
    public enum Verdict { ACCEPTED, REFUSED, LOCKED }

    private final AccountScope scope;
    private final PlatformDatabase platform;
    private final SecretCipher cipher;
    private final AuditLog audit;

    TwoFactor(AccountScope scope, PlatformDatabase platform, SecretCipher cipher, AuditLog audit) {
        this.scope = scope;
        this.platform = platform;
        this.cipher = cipher;
        this.audit = audit;
    }

    public boolean enabled(Actor actor) {
        return scope.run(actor, jdbc -> jdbc.sql("select totp_enabled_at is not null from accounts where id = ?")
                .param(actor.accountId().value()).query(Boolean.class).optional().orElse(false));
    }

    /** Makes a new secret for the actor's account, not yet in force; replaces one not confirmed. */
    public Enrolment start(Actor actor) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String base32 = Totp.base32(secret);
        int updated = scope.run(actor, jdbc -> jdbc.sql("""
                        update accounts set totp_secret = ?, totp_recovery_hashes = null, totp_last_step = null
                         where id = ? and totp_enabled_at is null""")
                .params(cipher.encrypt(base32), actor.accountId().value())
                .update());
        if (updated == 0) {
            throw DomainException.conflict("Two-factor sign-in is already on; turn it off first to set up a new authenticator");
        }
        String label = URLEncoder.encode("Linnet:" + actor.email(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32
                + "&issuer=Linnet&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /** Switches two-factor sign-in on once {@code code} matches the started secret; answers the recovery codes. */
    public List<String> confirm(Actor actor, String code) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            codes.add(newRecoveryCode());
        }
        return scope.run(actor, jdbc -> {
            String sealed = jdbc.sql("select totp_secret from accounts where id = ? and totp_enabled_at is null for update")
                    .param(actor.accountId().value()).query(String.class).optional().orElse(null);
            if (sealed == null) {
                throw DomainException.conflict("Start the set-up first: there is no new secret waiting for a code");
            }
            long step = matchingStep(sealed, code, Long.MIN_VALUE)
                    .orElseThrow(() -> DomainException.invalid("code is not the authenticator's current code"));
            jdbc.sql("""
                            update accounts set totp_enabled_at = now(), totp_last_step = ?, totp_recovery_hashes = ?,
                                   second_factor_failures = 0, second_factor_locked_until = null
                             where id = ?""")
                    .params(step, codes.stream().map(TwoFactor::hash).toArray(String[]::new), actor.accountId().value())
                    .update();
            audit.recordOwn(actor, "account.two_factor_enabled", targetType(actor), actor.accountId().toString(), Map.of());
            return List.copyOf(codes);
        });
    }

    /** Switches two-factor sign-in off, proven with a current code or a recovery code. */
    public void disable(Actor actor, String code) {
        scope.run(actor, jdbc -> {
            if (checkAndUse(jdbc, actor.accountId(), code, actor.sourceAddress()) != Verdict.ACCEPTED) {
                throw DomainException.invalid("code is neither the authenticator's current code nor an unused recovery code");
            }
            jdbc.sql("""
                            update accounts set totp_secret = null, totp_enabled_at = null, totp_last_step = null,
                                   totp_recovery_hashes = null where id = ?""")
                    .param(actor.accountId().value()).update();
            audit.recordOwn(actor, "account.two_factor_disabled", targetType(actor), actor.accountId().toString(), Map.of());
            return null;
        });
    }

    /**
     * The second step of a sign-in: {@code code} is the authenticator's code or an unused recovery
     * code (used up by this). Runs on the platform path: the account is only half signed in.
     */
    public Verdict verify(AccountId account, String code, String sourceAddress) {
        return platform.inTransaction(() -> {
            JdbcClient jdbc = platform.jdbc();
            Verdict verdict = checkAndUse(jdbc, account, code, sourceAddress);
            if (verdict == Verdict.REFUSED) {
                jdbc.sql("""
                                update accounts
                                   set second_factor_locked_until = case when second_factor_failures + 1 >= :max
                                                                         then now() + cast(:lock as interval) end,
                                       second_factor_failures = case when second_factor_failures + 1 >= :max then 0
                                                                     else second_factor_failures + 1 end
                                 where id = :id""")
                        .param("max", MAX_FAILURES)
                        .param("lock", LOCK.toSeconds() + " seconds")
                        .param("id", account.value())
                        .update();
            } else if (verdict == Verdict.ACCEPTED) {
                jdbc.sql("update accounts set second_factor_failures = 0, second_factor_locked_until = null where id = ?")
                        .param(account.value()).update();
            }
            return verdict;
        });
    }

    /** Checks a code (or uses up a recovery code) for an account, inside the caller's transaction. */
    private Verdict checkAndUse(JdbcClient jdbc, AccountId account, String code, String sourceAddress) {
        record Row(UUID tenant, String email, Role role, String secret, Long lastStep, Instant lockedUntil) {
        }
        Row row = jdbc.sql("""
                        select tenant_id, email, role, totp_secret, totp_last_step, second_factor_locked_until
                          from accounts where id = ? and totp_enabled_at is not null for update""")
                .param(account.value())
                .query((rs, n) -> new Row(rs.getObject("tenant_id", UUID.class), rs.getString("email"),
                        Role.valueOf(rs.getString("role")), rs.getString("totp_secret"),
                        rs.getObject("totp_last_step", Long.class),
                        Optional.ofNullable(rs.getTimestamp("second_factor_locked_until")).map(Timestamp::toInstant).orElse(null)))
                .optional().orElse(null);
        if (row == null) {
            return Verdict.REFUSED;
        }
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now())) {
            return Verdict.LOCKED;
        }
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (typed.matches("\\d{" + Totp.DIGITS + "}")) {
            Optional<Long> step = matchingStep(row.secret(), typed, row.lastStep() == null ? Long.MIN_VALUE : row.lastStep());
            step.ifPresent(accepted -> jdbc.sql("update accounts set totp_last_step = ? where id = ?")
                    .params(accepted, account.value()).update());
            return step.isPresent() ? Verdict.ACCEPTED : Verdict.REFUSED;
        }
        String normalized = typed.replace("-", "").toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 40) {
            return Verdict.REFUSED;
        }
        int used = jdbc.sql("""
                        update accounts set totp_recovery_hashes = array_remove(totp_recovery_hashes, :hash)
                         where id = :id and :hash = any(totp_recovery_hashes)""")
                .param("hash", hash(normalized))
                .param("id", account.value())
                .update();
        if (used == 0) {
            return Verdict.REFUSED;
        }
        Optional<TenantId> tenant = Optional.ofNullable(row.tenant()).map(TenantId::new);
        Actor self = tenant.<Actor>map(t -> new Actor.Member(account, t, row.email(), row.role(), sourceAddress))
                .orElseGet(() -> new Actor.Operator(account, row.email(), sourceAddress));
        audit.recordOnPlatform(tenant, self, "account.recovery_code_used", tenant.isPresent() ? "member" : "operator",
                account.toString(), Map.of("left", remaining(jdbc, account)));
        return Verdict.ACCEPTED;
    }

    private static int remaining(JdbcClient jdbc, AccountId account) {
        return jdbc.sql("select coalesce(cardinality(totp_recovery_hashes), 0) from accounts where id = ?")
                .param(account.value()).query(Integer.class).single();
    }

    /** The step within one either side of now whose code is {@code code}, if later than {@code after}. */
    private Optional<Long> matchingStep(String sealedSecret, String code, long after) {
        if (code == null) {
            return Optional.empty();
        }
        String typed = code.replaceAll("\\s", "");
        byte[] secret = Totp.fromBase32(cipher.decrypt(sealedSecret));
        long now = Totp.step(Instant.now());
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && MessageDigest.isEqual(Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** Ten base32 characters (50 random bits), written as two groups of five. */
    private static String newRecoveryCode() {
        byte[] bytes = new byte[7];
        RANDOM.nextBytes(bytes);
        String code = Totp.base32(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    private static String hash(String code) {
        return Accounts.hashToken(code.replace("-", "").toLowerCase(Locale.ROOT));
    }

    private static String targetType(Actor actor) {
        return actor instanceof Actor.Member ? "member" : "operator";
    }
}
