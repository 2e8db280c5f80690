package io.linnet.tenancy.account;

import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/**
 * Creates the first OWNER of a new tenant, on the platform path of the tenant's creation: with a
 * password the account is ready to use, without one it is invited.
 */
@Service
public class OwnerEnrolment {

    /** An owner's details, checked before anything is written. */
    public record Checked(String email, Optional<String> password) {
    }

    public record Enrolled(Member member, Optional<Invitation> invitation) {
    }

    private final PlatformDatabase platform;
    private final PasswordEncoder passwords;

    public OwnerEnrolment(PlatformDatabase platform, PasswordEncoder passwords) {
        this.platform = platform;
        this.passwords = passwords;
    }

    public Checked check(String email, Optional<String> password) {
        return new Checked(AccountRules.email(email), password.map(AccountRules::password));
    }

    /**
     * Call inside the platform transaction that creates the tenant. An address that already has an
     * account anywhere is a conflict: the operator sees every tenant anyway, and a new tenant's owner
     * must be able to accept (members' invitations, see {@link MemberManagement#invite}, are stored
     * whatever other tenants hold, so that they reveal nothing).
     */
    public Enrolled enrol(TenantId tenant, Checked owner) {
        if (platform.jdbc().sql("select exists (select 1 from accounts where lower(email) = ?)")
                .param(owner.email()).query(Boolean.class).single()) {
            throw DomainException.conflict("An account with the e-mail address " + owner.email() + " already exists");
        }
        if (owner.password().isPresent()) {
            Member member = Accounts.insert(platform.jdbc(), Optional.of(tenant), owner.email(), null, Role.OWNER,
                    passwords.encode(owner.password().get()), null);
            return new Enrolled(member, Optional.empty());
        }
        String token = Accounts.newInvitationToken();
        Member member = Accounts.insert(platform.jdbc(), Optional.of(tenant), owner.email(), null, Role.OWNER, null,
                Accounts.hashToken(token));
        return new Enrolled(member, Optional.of(new Invitation(member, token, Instant.now().plus(Accounts.INVITATION_VALIDITY))));
    }
}
