package io.linnet.push.offline;

import io.linnet.messaging.AppRef;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

/** Each app's {@link OfflinePushPolicy}; an app that never set one has the default (on, full preview). */
@Service
public class OfflinePushPolicies {

    private final TenantDatabase database;

    public OfflinePushPolicies(TenantDatabase database) {
        this.database = database;
    }

    public OfflinePushPolicy get(AppRef app) {
        return database.inTenant(app.tenantId(), () -> read(app));
    }

    public OfflinePushPolicy put(AppRef app, OfflinePushPolicy policy) {
        return database.inTenant(app.tenantId(), () -> {
            database.jdbc().sql("""
                            insert into push_app_settings (tenant_id, app_id, offline_push, offline_preview)
                            values (?, ?, ?, ?)
                            on conflict (tenant_id, app_id) do update
                               set offline_push = excluded.offline_push, offline_preview = excluded.offline_preview,
                                   updated_at = now()""")
                    .params(app.tenantId().value(), app.appId().value(), policy.enabled(), policy.preview())
                    .update();
            return read(app);
        });
    }

    /** The policy, inside a tenant transaction. */
    OfflinePushPolicy read(AppRef app) {
        return database.jdbc().sql("""
                        select offline_push, offline_preview from push_app_settings where tenant_id = ? and app_id = ?""")
                .params(app.tenantId().value(), app.appId().value())
                .query((rs, row) -> new OfflinePushPolicy(rs.getBoolean("offline_push"), rs.getString("offline_preview")))
                .optional()
                .orElse(OfflinePushPolicy.DEFAULT);
    }
}
