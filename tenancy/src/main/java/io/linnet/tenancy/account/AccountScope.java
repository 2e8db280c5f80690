package io.linnet.tenancy.account;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Where an account's own rows are reached: a member's inside their tenant, fenced by row-level
 * security; an operator's, who belongs to no tenant, on the platform path.
 */
@Component
class AccountScope {

    private final TenantDatabase tenants;
    private final PlatformDatabase platform;

    AccountScope(TenantDatabase tenants, PlatformDatabase platform) {
        this.tenants = tenants;
        this.platform = platform;
    }

    <T> T run(Actor actor, Function<JdbcClient, T> work) {
        return switch (actor) {
            case Actor.Member member -> tenants.inTenant(member.tenantId(), () -> work.apply(tenants.jdbc()));
            case Actor.Operator operator -> platform.inTransaction(() -> work.apply(platform.jdbc()));
        };
    }
}
