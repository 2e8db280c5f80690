package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's team: invite members with a role, change roles, remove members. A tenant always keeps
 * at least one OWNER, and only an OWNER grants or takes the OWNER role.
 */
@Service
public class MemberManagement {

    private final TenantDatabase database;
    private final PlatformDatabase platform;
    private final AuditLog audit;

    public MemberManagement(TenantDatabase database, PlatformDatabase platform, AuditLog audit) {
        this.database = database;
        this.platform = platform;
        this.audit = audit;
    }

    public Page<Member> list(Actor.Member actor, Page.Request request) {
        actor.require(Permission.TEAM_READ);
        UUID after = request.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(actor.tenantId(), () -> Page.of(database.jdbc().sql("""
                         select %s
                           from accounts
                         where tenant_id = :tenant and (cast(:after as uuid) is null or id > cast(:after as uuid))
                         order by id
                         limit :limit""".formatted(Accounts.MEMBER_COLUMNS))
                .param("tenant", actor.tenantId().value())
                .param("after", after)
                .param("limit", request.limit() + 1)
                .query(Accounts::member)
                .list(), request.limit(), m -> m.id().value().toString()));
    }

    public Member get(Actor.Member actor, AccountId id) {
        actor.require(Permission.TEAM_READ);
        return database.inTenant(actor.tenantId(), () -> find(actor, id));
    }

    /**
     * Invites {@code email} with {@code role}; the answer carries the one-time token for the invitation
     * link. An address that has an account in another tenant is invited like any other, so the answer
     * reveals nothing about other tenants; that invitation cannot be accepted ({@link InvitationAcceptance}).
     * Inviting an address that is already in this tenant is a conflict.
     */
    public Invitation invite(Actor.Member actor, String email, Role role) {
        actor.require(Permission.TEAM_WRITE);
        String address = AccountRules.email(email);
        requireGrantable(actor, role);
        String token = Accounts.newInvitationToken();
        return database.inTenant(actor.tenantId(), () -> {
            Member member = Accounts.insert(database.jdbc(), Optional.of(actor.tenantId()), address, null, role, null,
                    Accounts.hashToken(token));
            audit.record(actor, "member.invited", "member", member.id().toString(),
                    Map.of("email", address, "role", role.name()));
            return new Invitation(member, token, member.createdAt().plus(Accounts.INVITATION_VALIDITY));
        });
    }

    /** Issues a fresh invitation link for a member who has not yet accepted; the old link stops working. */
    public Invitation reinvite(Actor.Member actor, AccountId id) {
        actor.require(Permission.TEAM_WRITE);
        String token = Accounts.newInvitationToken();
        return database.inTenant(actor.tenantId(), () -> {
            Member member = find(actor, id);
            if (member.status() != Member.Status.INVITED) {
                throw DomainException.conflict(member.email() + " has already accepted the invitation");
            }
            requireGrantable(actor, member.role());
            Invitation invitation = renewInvitation(database.jdbc(), actor.tenantId(), member, token);
            audit.record(actor, "member.reinvited", "member", id.toString(), Map.of("email", member.email()));
            return invitation;
        });
    }

    /** A tenant's members, owners first, for the operator's page of the tenant. */
    public List<Member> ofTenant(Actor.Operator actor, TenantId tenant) {
        return platform.jdbc().sql("select " + Accounts.MEMBER_COLUMNS
                        + " from accounts where tenant_id = ? order by role = 'OWNER' desc, created_at")
                .param(tenant.value())
                .query(Accounts::member)
                .list();
    }

    /**
     * Issues a fresh invitation link for a tenant's owner (its first OWNER) who has not yet joined,
     * e.g. when the first link expired or got lost; the old link stops working. The operator passes
     * the link on, as when the tenant was created.
     */
    public Invitation reinviteOwner(Actor.Operator actor, TenantId tenant) {
        String token = Accounts.newInvitationToken();
        return platform.inTransaction(() -> {
            if (!platform.jdbc().sql("select exists (select 1 from tenants where id = ?)").param(tenant.value())
                    .query(Boolean.class).single()) {
                throw DomainException.notFound("Tenant");
            }
            Member owner = platform.jdbc().sql("select " + Accounts.MEMBER_COLUMNS
                            + " from accounts where tenant_id = ? and role = 'OWNER' order by created_at limit 1 for update")
                    .param(tenant.value())
                    .query(Accounts::member)
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Owner"));
            if (owner.status() != Member.Status.INVITED) {
                throw DomainException.conflict(owner.email() + " has already joined; there is no invitation to send again");
            }
            Invitation invitation = renewInvitation(platform.jdbc(), tenant, owner, token);
            audit.recordOnPlatform(Optional.of(tenant), actor, "member.reinvited", "member", owner.id().toString(),
                    Map.of("email", owner.email()));
            return invitation;
        });
    }

    private static Invitation renewInvitation(JdbcClient jdbc, TenantId tenant, Member member, String token) {
        jdbc.sql("""
                        update accounts set invitation_hash = ?, invitation_expires_at = now() + interval '7 days'
                         where tenant_id = ? and id = ?""")
                .params(Accounts.hashToken(token), tenant.value(), member.id().value())
                .update();
        return new Invitation(member, token, Instant.now().plus(Accounts.INVITATION_VALIDITY));
    }

    public Member changeRole(Actor.Member actor, AccountId id, Role role) {
        actor.require(Permission.TEAM_WRITE);
        requireGrantable(actor, role);
        return database.inTenant(actor.tenantId(), () -> {
            Member member = find(actor, id);
            if (member.role() == role) {
                return member;
            }
            if (member.role() == Role.OWNER) {
                requireGrantable(actor, Role.OWNER);
                requireAnotherOwner(actor, member);
            }
            database.jdbc().sql("update accounts set role = ? where tenant_id = ? and id = ?")
                    .params(role.name(), actor.tenantId().value(), id.value())
                    .update();
            audit.record(actor, "member.role_changed", "member", id.toString(),
                    Map.of("email", member.email(), "from", member.role().name(), "to", role.name()));
            return find(actor, id);
        });
    }

    public void remove(Actor.Member actor, AccountId id) {
        actor.require(Permission.TEAM_WRITE);
        database.runInTenant(actor.tenantId(), () -> {
            Member member = find(actor, id);
            if (member.role() == Role.OWNER) {
                requireGrantable(actor, Role.OWNER);
                requireAnotherOwner(actor, member);
            }
            database.jdbc().sql("delete from accounts where tenant_id = ? and id = ?")
                    .params(actor.tenantId().value(), id.value())
                    .update();
            audit.record(actor, "member.removed", "member", id.toString(),
                    Map.of("email", member.email(), "role", member.role().name()));
        });
    }

    private Member find(Actor.Member actor, AccountId id) {
        return database.jdbc().sql("select " + Accounts.MEMBER_COLUMNS + " from accounts where tenant_id = ? and id = ?")
                .params(actor.tenantId().value(), id.value())
                .query(Accounts::member)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Member"));
    }

    private static void requireGrantable(Actor.Member actor, Role role) {
        if (!role.isTenantRole()) {
            throw DomainException.invalid("role must be one of OWNER, ADMIN, DEVELOPER, MODERATOR, VIEWER");
        }
        if (role == Role.OWNER && !actor.role().allows(Permission.TEAM_OWNERSHIP)) {
            throw DomainException.forbidden("Only an OWNER can grant or take the OWNER role");
        }
    }

    /** Locks the tenant's owners, so two concurrent demotions cannot leave the tenant without one. */
    private void requireAnotherOwner(Actor.Member actor, Member owner) {
        List<UUID> owners = database.jdbc().sql("""
                        select id from accounts where tenant_id = ? and role = 'OWNER' and status = 'ACTIVE' for update""")
                .param(actor.tenantId().value())
                .query(UUID.class)
                .list();
        if (owners.stream().noneMatch(id -> !id.equals(owner.id().value()))) {
            throw DomainException.conflict("The last OWNER cannot be removed or demoted; make another member OWNER first");
        }
    }
}
