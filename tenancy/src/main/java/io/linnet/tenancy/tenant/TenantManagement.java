package io.linnet.tenancy.tenant;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.TenantCreated;
import io.linnet.tenancy.TenantStatusChanged;
import io.linnet.tenancy.account.OwnerEnrolment;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's view of tenants: create one with its owner, list, suspend, resume and delete. Spans
 * tenants, so it runs on the platform path; a member reads only their own tenant.
 */
@Service
public class TenantManagement {

    private static final String COLUMNS = "id, name, status, created_at, suspended_at";
    /** A tenant, its first OWNER and its number of apps; a query adds its condition. */
    private static final String SUMMARIES = """
            select t.id, t.name, t.status, t.created_at, t.suspended_at,
                   o.email as owner_email, o.status as owner_status,
                   (select count(*) from apps a where a.tenant_id = t.id) as apps
              from tenants t
              left join lateral (select email, status from accounts
                                  where tenant_id = t.id and role = 'OWNER' order by created_at limit 1) o on true
            """;

    private final PlatformDatabase platform;
    private final TenantDatabase tenants;
    private final OwnerEnrolment owners;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public TenantManagement(PlatformDatabase platform, TenantDatabase tenants, OwnerEnrolment owners, AuditLog audit,
                            ApplicationEventPublisher events) {
        this.platform = platform;
        this.tenants = tenants;
        this.owners = owners;
        this.audit = audit;
        this.events = events;
    }

    public CreatedTenant create(Actor.Operator actor, String name, String ownerEmail, Optional<String> ownerPassword) {
        String checkedName = name(name);
        OwnerEnrolment.Checked owner = owners.check(ownerEmail, ownerPassword);
        return platform.inTransaction(() -> {
            TenantId id = new TenantId(Ids.next());
            insert(id, checkedName);
            var enrolled = owners.enrol(id, owner);
            audit.recordOnPlatform(Optional.of(id), actor, "tenant.created", "tenant", id.toString(),
                    Map.of("name", checkedName, "owner", enrolled.member().email()));
            events.publishEvent(new TenantCreated(id, checkedName, java.time.Instant.now()));
            return new CreatedTenant(find(id), enrolled.member(), enrolled.invitation());
        });
    }

    /** Tenants, newest first. */
    public Page<Tenant> list(Actor.Operator actor, Page.Request request) {
        return list(actor, Optional.empty(), request);
    }

    /**
     * Tenants, newest first; with {@code search}, only those whose name or owner's e-mail address
     * contains it (ignoring case).
     */
    public Page<Tenant> list(Actor.Operator actor, Optional<String> search, Page.Request request) {
        return summaries(actor, search, request).map(TenantSummary::tenant);
    }

    /** As {@link #list(Actor.Operator, Optional, Page.Request)}, with each tenant's owner and number of apps. */
    public Page<TenantSummary> summaries(Actor.Operator actor, Optional<String> search, Page.Request request) {
        UUID after = request.after().map(Page.Request::uuidKey).orElse(null);
        // strpos, not LIKE: the operator's text is found as typed, its % and _ taken literally
        String text = search.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        return Page.of(platform.jdbc().sql(SUMMARIES + """
                         where (cast(:after as uuid) is null or t.id < cast(:after as uuid))
                           and (cast(:text as text) is null or strpos(lower(t.name), lower(cast(:text as text))) > 0
                                or exists (select 1 from accounts m where m.tenant_id = t.id and m.role = 'OWNER'
                                             and strpos(lower(m.email), lower(cast(:text as text))) > 0))
                         order by t.id desc
                         limit :limit""")
                .param("after", after)
                .param("text", text)
                .param("limit", request.limit() + 1)
                .query(TenantManagement::summary)
                .list(), request.limit(), t -> t.tenant().id().toString());
    }

    /** One tenant with its owner and number of apps, for the operator's page of the tenant. */
    public TenantSummary summary(Actor.Operator actor, TenantId id) {
        return platform.jdbc().sql(SUMMARIES + " where t.id = ?")
                .param(id.value())
                .query(TenantManagement::summary)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Tenant"));
    }

    public Tenant get(Actor.Operator actor, TenantId id) {
        return find(id);
    }

    /** The names of {@code ids} (those that exist), for modules that show tenants by name (billing's invoices). */
    public Map<TenantId, String> names(java.util.Collection<TenantId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<TenantId, String> names = new java.util.HashMap<>();
        platform.jdbc().sql("select id, name from tenants where id = any(?)")
                .param(ids.stream().map(TenantId::value).toArray(UUID[]::new))
                .query(rs -> {
                    names.put(new TenantId(rs.getObject("id", UUID.class)), rs.getString("name"));
                });
        return names;
    }

    /** The member's own tenant. */
    public Tenant own(Actor.Member actor) {
        return tenants.inTenant(actor.tenantId(), () -> tenants.jdbc().sql("select " + COLUMNS + " from tenants where id = ?")
                .param(actor.tenantId().value())
                .query(TenantManagement::tenant)
                .single());
    }

    /**
     * Suspends a tenant: its members, app keys and user tokens are refused from the next request on,
     * its live connections are closed and its pushes wait until it is resumed.
     */
    public Tenant suspend(Actor.Operator actor, TenantId id) {
        return changeStatus(actor, id, Tenant.Status.SUSPENDED, "tenant.suspended", TenantStatusChanged.Change.SUSPENDED);
    }

    public Tenant resume(Actor.Operator actor, TenantId id) {
        return changeStatus(actor, id, Tenant.Status.ACTIVE, "tenant.resumed", TenantStatusChanged.Change.RESUMED);
    }

    /**
     * Deletes a tenant and everything it owns: apps, keys, members and their data. Only a suspended
     * tenant may be deleted, so that a deletion is always a second, deliberate step. The audit log
     * keeps the tenant's entries.
     */
    public void delete(Actor.Operator actor, TenantId id) {
        platform.inTransaction(() -> {
            Tenant tenant = find(id);
            if (tenant.status() != Tenant.Status.SUSPENDED) {
                throw DomainException.conflict("Suspend the tenant before deleting it");
            }
            platform.jdbc().sql("delete from tenants where id = ?").param(id.value()).update();
            audit.recordOnPlatform(Optional.of(id), actor, "tenant.deleted", "tenant", id.toString(),
                    Map.of("name", tenant.name()));
            events.publishEvent(new TenantStatusChanged(id, TenantStatusChanged.Change.DELETED));
            return null;
        });
    }

    private Tenant changeStatus(Actor.Operator actor, TenantId id, Tenant.Status status, String action,
                                TenantStatusChanged.Change change) {
        return platform.inTransaction(() -> {
            Tenant before = find(id);
            if (before.status() == status) {
                return before;
            }
            platform.jdbc().sql("""
                            update tenants set status = ?, suspended_at = case when ? = 'SUSPENDED' then now() end
                             where id = ?""")
                    .params(status.name(), status.name(), id.value())
                    .update();
            audit.recordOnPlatform(Optional.of(id), actor, action, "tenant", id.toString(), Map.of("name", before.name()));
            events.publishEvent(new TenantStatusChanged(id, change));
            return find(id);
        });
    }

    private Tenant find(TenantId id) {
        return platform.jdbc().sql("select " + COLUMNS + " from tenants where id = ?")
                .param(id.value())
                .query(TenantManagement::tenant)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Tenant"));
    }

    /**
     * Two tenants may not share a name, so the operator can tell them apart (a unique index, on the
     * name without surrounding spaces and ignoring case, settles a race between two creations).
     */
    private void insert(TenantId id, String name) {
        if (platform.jdbc().sql("select exists (select 1 from tenants where lower(btrim(name)) = lower(?))")
                .param(name).query(Boolean.class).single()) {
            throw nameTaken(name);
        }
        try {
            platform.jdbc().sql("insert into tenants (id, name, status) values (?, ?, 'ACTIVE')")
                    .params(id.value(), name)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
    }

    private static DomainException nameTaken(String name) {
        // worded for the console's New tenant dialog, which shows a message starting with "name" at that field
        return new DomainException(ErrorCode.TENANT_NAME_TAKEN,
                "name is already used by another tenant ('" + name + "'); choose another, e.g. with the customer's city or country");
    }

    private static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("name is required");
        }
        String name = raw.strip();
        if (name.length() > 100) {
            throw DomainException.invalid("name must be at most 100 characters");
        }
        return name;
    }

    private static TenantSummary summary(ResultSet rs, int row) throws SQLException {
        return new TenantSummary(tenant(rs, row), Optional.ofNullable(rs.getString("owner_email")),
                "ACTIVE".equals(rs.getString("owner_status")), rs.getInt("apps"));
    }

    private static Tenant tenant(ResultSet rs, int row) throws SQLException {
        return new Tenant(
                new TenantId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                Tenant.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("suspended_at") == null ? null : rs.getTimestamp("suspended_at").toInstant());
    }
}
