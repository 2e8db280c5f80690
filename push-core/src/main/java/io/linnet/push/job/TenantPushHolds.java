package io.linnet.push.job;

import io.linnet.tenancy.TenantStatusChanged;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds a suspended tenant's push work on every node until it is resumed: a row in
 * {@code push_tenant_holds}, which the scheduler's and the delivery workers' claims skip. Written
 * inside the transaction that suspends or resumes the tenant (the event is published in it), so the
 * hold commits or rolls back with the suspension and no node sees one without the other. A deleted
 * tenant's hold goes with its rows, by cascade.
 */
@Component
class TenantPushHolds {

    private final PlatformDatabase platform;

    TenantPushHolds(PlatformDatabase platform) {
        this.platform = platform;
    }

    @EventListener
    void on(TenantStatusChanged changed) {
        switch (changed.change()) {
            case SUSPENDED -> platform.jdbc().sql("""
                            insert into push_tenant_holds (tenant_id) values (?) on conflict (tenant_id) do nothing""")
                    .param(changed.tenantId().value())
                    .update();
            case RESUMED, DELETED -> platform.jdbc().sql("delete from push_tenant_holds where tenant_id = ?")
                    .param(changed.tenantId().value())
                    .update();
        }
    }
}
