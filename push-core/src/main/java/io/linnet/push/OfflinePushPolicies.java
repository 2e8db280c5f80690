package io.linnet.push;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.util.Map;

/** Each app's {@link OfflinePushPolicy}; an app that never set one has the default (on, full preview). */
@Service
public class OfflinePushPolicies {

    private final TenantDatabase database;
    private final AppManagement apps;
    private final AuditLog audit;

    public OfflinePushPolicies(TenantDatabase database, AppManagement apps, AuditLog audit) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
    }

    public OfflinePushPolicy get(AppRef app) {
        return database.inTenant(app.tenantId(), () -> read(app));
    }

    public OfflinePushPolicy put(AppRef app, OfflinePushPolicy policy) {
        return database.inTenant(app.tenantId(), () -> write(app, policy));
    }

    /** The app's policy, for a console member who may see the app. */
    public OfflinePushPolicy get(Actor.Member actor, AppId appId) {
        actor.require(Permission.APPS_READ);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), appId);
            return read(new AppRef(actor.tenantId(), appId));
        });
    }

    /** Sets the app's policy from the console (members who may change apps); recorded in the audit log. */
    public OfflinePushPolicy put(Actor.Member actor, AppId appId, OfflinePushPolicy policy) {
        actor.require(Permission.APPS_WRITE);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), appId);
            OfflinePushPolicy written = write(new AppRef(actor.tenantId(), appId), policy);
            audit.record(actor, "push.offline_policy_changed", "app", appId.toString(),
                    Map.of("enabled", written.enabled(), "preview", written.preview()));
            return written;
        });
    }

    /** Writes the policy, inside a tenant transaction. */
    private OfflinePushPolicy write(AppRef app, OfflinePushPolicy policy) {
        database.jdbc().sql("""
                        insert into push_app_settings (tenant_id, app_id, offline_push, offline_preview)
                        values (?, ?, ?, ?)
                        on conflict (tenant_id, app_id) do update
                           set offline_push = excluded.offline_push, offline_preview = excluded.offline_preview,
                               updated_at = now()""")
                .params(app.tenantId().value(), app.appId().value(), policy.enabled(), policy.preview())
                .update();
        return read(app);
    }

    /** The policy, inside a tenant transaction. */
    private OfflinePushPolicy read(AppRef app) {
        return database.jdbc().sql("""
                        select offline_push, offline_preview from push_app_settings where tenant_id = ? and app_id = ?""")
                .params(app.tenantId().value(), app.appId().value())
                .query((rs, row) -> new OfflinePushPolicy(rs.getBoolean("offline_push"), rs.getString("offline_preview")))
                .optional()
                .orElse(OfflinePushPolicy.DEFAULT);
    }
}
