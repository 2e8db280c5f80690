package io.linnet.tenancy.app;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.TenantLimits;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** A tenant's apps: create, list, rename and delete them. Another tenant's app is not found. */
@Service
public class AppManagement {

    private static final String COLUMNS = "id, tenant_id, name, created_at";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,62}");

    private final TenantDatabase database;
    private final AuditLog audit;

    /** Asked when an app is created, not before: billing, which implements it, itself builds on this service. */
    private final ObjectProvider<TenantLimits> limits;

    public AppManagement(TenantDatabase database, AuditLog audit, ObjectProvider<TenantLimits> limits) {
        this.database = database;
        this.audit = audit;
        this.limits = limits;
    }

    public App create(Actor.Member actor, String name) {
        actor.require(Permission.APPS_WRITE);
        String checked = name(name);
        return database.inTenant(actor.tenantId(), () -> {
            int most = limits.getIfAvailable(() -> TenantLimits.NONE).maxApps(actor.tenantId());
            if (most < Integer.MAX_VALUE) {
                // one create at a time per tenant, so that two at once cannot both pass the count
                database.jdbc().sql("select pg_advisory_xact_lock(hashtextextended(cast(? as text), 0))")
                        .param(actor.tenantId().value()).query().listOfRows();
                long apps = database.jdbc().sql("select count(*) from apps where tenant_id = ?")
                        .param(actor.tenantId().value()).query(Long.class).single();
                if (apps >= most) {
                    throw DomainException.conflict("Your plan allows at most " + most + " app" + (most == 1 ? "" : "s")
                            + "; delete one or change the plan");
                }
            }
            AppId id = new AppId(Ids.next());
            try {
                database.jdbc().sql("insert into apps (tenant_id, id, name) values (?, ?, ?)")
                        .params(actor.tenantId().value(), id.value(), checked)
                        .update();
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("An app named '" + checked + "' already exists");
            }
            audit.record(actor, "app.created", "app", id.toString(), Map.of("name", checked));
            return find(actor.tenantId(), id);
        });
    }

    public Page<App> list(Actor.Member actor, Page.Request request) {
        actor.require(Permission.APPS_READ);
        UUID after = request.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(actor.tenantId(), () -> Page.of(database.jdbc().sql("""
                         select %s
                           from apps
                         where tenant_id = :tenant and (cast(:after as uuid) is null or id > cast(:after as uuid))
                         order by id
                         limit :limit""".formatted(COLUMNS))
                .param("tenant", actor.tenantId().value())
                .param("after", after)
                .param("limit", request.limit() + 1)
                .query(AppManagement::app)
                .list(), request.limit(), app -> app.id().toString()));
    }

    /** A tenant's apps by name, for the operator's page of the tenant. */
    public List<App> ofTenant(Actor.Operator actor, TenantId tenant) {
        return database.inTenant(tenant, () -> database.jdbc().sql("select " + COLUMNS + " from apps where tenant_id = ? order by lower(name)")
                .param(tenant.value())
                .query(AppManagement::app)
                .list());
    }

    public App get(Actor.Member actor, AppId id) {
        actor.require(Permission.APPS_READ);
        return database.inTenant(actor.tenantId(), () -> find(actor.tenantId(), id));
    }

    /** The app a developer's access token belongs to. */
    public App get(AppCaller caller) {
        return database.inTenant(caller.tenantId(), () -> find(caller.tenantId(), caller.appId()));
    }

    public App rename(Actor.Member actor, AppId id, String name) {
        actor.require(Permission.APPS_WRITE);
        String checked = name(name);
        return database.inTenant(actor.tenantId(), () -> {
            App before = find(actor.tenantId(), id);
            try {
                database.jdbc().sql("update apps set name = ? where tenant_id = ? and id = ?")
                        .params(checked, actor.tenantId().value(), id.value())
                        .update();
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("An app named '" + checked + "' already exists");
            }
            audit.record(actor, "app.renamed", "app", id.toString(), Map.of("from", before.name(), "to", checked));
            return find(actor.tenantId(), id);
        });
    }

    /** Deletes the app and everything it owns; its keys stop working at once. */
    public void delete(Actor.Member actor, AppId id) {
        actor.require(Permission.APPS_WRITE);
        database.runInTenant(actor.tenantId(), () -> {
            App app = find(actor.tenantId(), id);
            database.jdbc().sql("delete from apps where tenant_id = ? and id = ?")
                    .params(actor.tenantId().value(), id.value())
                    .update();
            audit.record(actor, "app.deleted", "app", id.toString(), Map.of("name", app.name()));
        });
    }

    /** Checks inside a tenant transaction that the app exists and is the tenant's. */
    public App find(TenantId tenant, AppId id) {
        return database.jdbc().sql("select " + COLUMNS + " from apps where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query(AppManagement::app)
                .optional()
                .orElseThrow(() -> DomainException.notFound("App"));
    }

    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (!NAME.matcher(name).matches()) {
            throw DomainException.invalid(
                    "name must be 1 to 63 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static App app(ResultSet rs, int row) throws SQLException {
        return new App(new AppId(rs.getObject("id", UUID.class)), new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("name"), rs.getTimestamp("created_at").toInstant());
    }
}
