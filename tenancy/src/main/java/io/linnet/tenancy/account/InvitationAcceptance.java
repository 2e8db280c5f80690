package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens an invitation link: whoever holds a valid token sets the invited account's password once.
 * Runs on the platform path, since the person is not signed in and the tenant is known only from
 * the token.
 */
@Service
public class InvitationAcceptance {

    /** What the invitation page shows before the password is set. */
    public record PendingInvitation(String email, String tenantName, String role) {
    }

    private record Accepted(AccountId id, Optional<TenantId> tenant, String email, Role role) {
    }

    private final PlatformDatabase platform;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    public InvitationAcceptance(PlatformDatabase platform, PasswordEncoder passwords, AuditLog audit) {
        this.platform = platform;
        this.passwords = passwords;
        this.audit = audit;
    }

    public Optional<PendingInvitation> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return platform.jdbc().sql("""
                        select a.email, coalesce(t.name, 'Linnet') as tenant_name, a.role
                          from accounts a left join tenants t on t.id = a.tenant_id
                         where a.invitation_hash = ? and a.status = 'INVITED' and a.invitation_expires_at > now()""")
                .param(Accounts.hashToken(token))
                .query((rs, row) -> new PendingInvitation(rs.getString("email"), rs.getString("tenant_name"), rs.getString("role")))
                .optional();
    }

    /** Sets the password and activates the account; the token cannot be used again. */
    public Member accept(String token, String password, String displayName, String sourceAddress) {
        String checkedPassword = AccountRules.password(password);
        String name = AccountRules.displayName(displayName);
        if (token == null || token.length() > 100) {
            throw DomainException.notFound("Invitation");
        }
        return platform.inTransaction(() -> {
            Accepted row = activate(token, checkedPassword, name);
            Actor self = row.tenant().<Actor>map(t -> new Actor.Member(row.id(), t, row.email(), row.role(), sourceAddress))
                    .orElseGet(() -> new Actor.Operator(row.id(), row.email(), sourceAddress));
            audit.recordOnPlatform(row.tenant(), self, "member.joined", "member", row.id().toString(),
                    Map.of("email", row.email()));
            return platform.jdbc().sql("select " + Accounts.MEMBER_COLUMNS + " from accounts where id = ?")
                    .param(row.id().value()).query(Accounts::member).single();
        });
    }

    /** Sets the password and activates the invited account; an address active in another tenant stays there. */
    private Accepted activate(String token, String password, String name) {
        try {
            return platform.jdbc().sql("""
                            update accounts
                               set password_hash = :hash, display_name = coalesce(:name, display_name), status = 'ACTIVE',
                                   invitation_hash = null, invitation_expires_at = null
                             where invitation_hash = :token and status = 'INVITED' and invitation_expires_at > now()
                            returning id, tenant_id, email, role""")
                    .param("hash", passwords.encode(password))
                    .param("name", name)
                    .param("token", Accounts.hashToken(token))
                    .query((rs, n) -> new Accepted(new AccountId(rs.getObject("id", UUID.class)),
                            Optional.ofNullable(rs.getObject("tenant_id", UUID.class)).map(TenantId::new), rs.getString("email"), Role.valueOf(rs.getString("role"))))
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Invitation (it may have expired or been used already)"));
        } catch (DuplicateKeyException e) {
            // the address is already an active account, in another tenant: one address, one account
            throw DomainException.conflict("This e-mail address already has a Linnet account, and an address can belong "
                    + "to one account only; ask whoever invited you to invite another address");
        }
    }
}
