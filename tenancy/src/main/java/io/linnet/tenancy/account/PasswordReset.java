package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Forgotten passwords, without e-mail: an operator issues a one-time link for an active account
 * and hands it over by a channel they trust; whoever opens it sets a new password (the sign-up
 * rules apply). Only a hash of the link's token is stored; it lasts {@link #VALIDITY}, a newer link
 * replaces it, and using it ends it and signs out the account's other sessions. Runs on the
 * platform path: the operator acts across tenants, and the person opening the link is not signed in.
 */
@Service
public class PasswordReset {

    public static final Duration VALIDITY = Duration.ofHours(24);

    /** A link just issued: shown once to the operator, never stored. */
    public record IssuedLink(String email, String url, Instant expiresAt) {
    }

    /** What the reset page shows before the new password is set. */
    public record PendingReset(String email) {
    }

    private record Account(AccountId id, Optional<TenantId> tenant, String email, Role role) {

        Actor self(String sourceAddress) {
            return tenant.<Actor>map(t -> new Actor.Member(id, t, email, role, sourceAddress))
                    .orElseGet(() -> new Actor.Operator(id, email, sourceAddress));
        }

        String targetType() {
            return tenant.isPresent() ? "member" : "operator";
        }
    }

    private final PlatformDatabase platform;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final InvitationLinks links;

    PasswordReset(PlatformDatabase platform, PasswordEncoder passwords, AuditLog audit, InvitationLinks links) {
        this.platform = platform;
        this.passwords = passwords;
        this.audit = audit;
        this.links = links;
    }

    /** Issues a link for the active account with {@code email}; an unknown or not yet active one is 404. */
    public IssuedLink issue(Actor.Operator operator, String email) {
        String address = AccountRules.email(email);
        String token = Accounts.newInvitationToken();
        Instant expires = Instant.now().plus(VALIDITY);
        return platform.inTransaction(() -> {
            Account account = platform.jdbc().sql("""
                            update accounts set password_reset_hash = :hash, password_reset_expires_at = :expires
                             where lower(email) = :email and status = 'ACTIVE'
                            returning id, tenant_id, email, role""")
                    .param("hash", Accounts.hashToken(token))
                    .param("expires", Timestamp.from(expires))
                    .param("email", address)
                    .query(PasswordReset::account)
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Active account with that e-mail address"));
            audit.recordOnPlatform(account.tenant(), operator, "account.password_reset_issued", account.targetType(),
                    account.id().toString(), Map.of("email", account.email(), "expiresAt", expires.toString()));
            return new IssuedLink(account.email(), links.passwordResetLink(token), expires);
        });
    }

    public Optional<PendingReset> find(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return platform.jdbc().sql("""
                        select email from accounts
                         where password_reset_hash = ? and status = 'ACTIVE' and password_reset_expires_at > now()""")
                .param(Accounts.hashToken(token))
                .query((rs, row) -> new PendingReset(rs.getString("email")))
                .optional();
    }

    /** Sets the new password; the link cannot be used again, and the account's open sessions end. */
    public void complete(String token, String newPassword, String sourceAddress) {
        String checked = AccountRules.password(newPassword);
        if (!plausible(token)) {
            throw DomainException.notFound("Password reset link");
        }
        platform.inTransaction(() -> {
            Account account = platform.jdbc().sql("""
                            update accounts
                               set password_hash = :password, password_reset_hash = null, password_reset_expires_at = null,
                                   session_epoch = session_epoch + 1
                             where password_reset_hash = :hash and status = 'ACTIVE' and password_reset_expires_at > now()
                            returning id, tenant_id, email, role""")
                    .param("password", passwords.encode(checked))
                    .param("hash", Accounts.hashToken(token))
                    .query(PasswordReset::account)
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Password reset link (it may have expired or been used already)"));
            audit.recordOnPlatform(account.tenant(), account.self(sourceAddress), "account.password_reset",
                    account.targetType(), account.id().toString(), Map.of("email", account.email()));
            return null;
        });
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new AccountId(rs.getObject("id", UUID.class)),
                Optional.ofNullable(rs.getObject("tenant_id", UUID.class)).map(TenantId::new),
                rs.getString("email"), Role.valueOf(rs.getString("role")));
    }
}
