package io.linnet.tenancy;

/**
 * Who is acting, as the services see it: a member of one tenant or a platform operator. It is built
 * from the authenticated console account, never from client-supplied ids, and names the address the
 * request came from so that the audit log can record it.
 */
public sealed interface Actor permits Actor.Member, Actor.Operator {

    AccountId accountId();

    String email();

    String sourceAddress();

    /** A member of one tenant, with a role in it. */
    record Member(AccountId accountId, TenantId tenantId, String email, Role role, String sourceAddress)
            implements Actor {

        /** Refuses the action unless the member's role allows it. */
        public void require(Permission permission) {
            if (!role.allows(permission)) {
                throw DomainException.forbidden("Your role (" + role + ") does not allow this");
            }
        }
    }

    /** A platform operator; belongs to no tenant. */
    record Operator(AccountId accountId, String email, String sourceAddress) implements Actor {
    }
}
