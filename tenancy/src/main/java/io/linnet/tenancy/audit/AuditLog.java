package io.linnet.tenancy.audit;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log of admin actions. Entries are written in the same transaction as the change they
 * describe, so an action is never recorded without its effect, nor the other way round.
 */
@Service
public class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    /** The actor of what the platform did by itself. */
    public static final String SYSTEM_ACTOR = "linnet";

    private final TenantDatabase tenantDatabase;
    private final PlatformDatabase platformDatabase;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditLog(TenantDatabase tenantDatabase, PlatformDatabase platformDatabase) {
        this.tenantDatabase = tenantDatabase;
        this.platformDatabase = platformDatabase;
    }

    /** Records a tenant member's action; call it inside the {@link TenantDatabase} transaction of the change. */
    public void record(Actor.Member actor, String action, String targetType, String targetId, Map<String, ?> details) {
        insert(tenantDatabase.jdbc(), actor.tenantId(), actor, action, targetType, targetId, details);
    }

    /**
     * Records an action on the platform path (an operator's, or one taken before sign-in, such as
     * accepting an invitation); {@code tenant} is the tenant it concerns, whose members will see it.
     */
    public void recordOnPlatform(Optional<TenantId> tenant, Actor actor, String action, String targetType,
                                 String targetId, Map<String, ?> details) {
        insert(platformDatabase.jdbc(), tenant.orElse(null), actor, action, targetType, targetId, details);
    }

    /**
     * Records what the platform itself did for a tenant, with no one acting (a quota warning, a closed
     * billing period); the tenant's members see it, with {@value #SYSTEM_ACTOR} as the actor.
     */
    public void recordBySystem(TenantId tenant, String action, String targetType, String targetId, Map<String, ?> details) {
        platformDatabase.jdbc().sql("""
                        insert into audit_log (tenant_id, id, actor_id, actor, action, target_type, target_id, details, source_address)
                        values (:tenant, :id, null, :actor, :action, :targetType, :targetId, cast(:details as jsonb), null)""")
                .param("tenant", tenant.value())
                .param("id", Ids.next())
                .param("actor", SYSTEM_ACTOR)
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("details", json.writeValueAsString(details))
                .update();
    }

    /**
     * Records an action on the actor's own account, where that account lives: a member's in their
     * tenant (inside its transaction), an operator's on the platform path with no tenant.
     */
    public void recordOwn(Actor actor, String action, String targetType, String targetId, Map<String, ?> details) {
        switch (actor) {
            case Actor.Member member -> record(member, action, targetType, targetId, details);
            case Actor.Operator operator -> recordOnPlatform(Optional.empty(), operator, action, targetType, targetId, details);
        }
    }

    /** The tenant's audit log, newest first, narrowed by {@code filter}. */
    public Page<AuditEntry> list(Actor.Member actor, AuditFilter filter, Page.Request request) {
        actor.require(Permission.AUDIT_READ);
        return tenantDatabase.inTenant(actor.tenantId(),
                () -> page(tenantDatabase.jdbc(), Optional.of(actor.tenantId()), filter, request));
    }

    /** The whole platform's audit log for operators, newest first; {@code tenant} narrows it to one tenant. */
    public Page<AuditEntry> listAll(Actor.Operator actor, Optional<TenantId> tenant, AuditFilter filter, Page.Request request) {
        return page(platformDatabase.jdbc(), tenant, filter, request);
    }

    /**
     * One page of entries. The target's name comes from the tenancy tables it may name (apps,
     * members, tenants), joined by id: an entry of something since deleted keeps no name.
     */
    private Page<AuditEntry> page(JdbcClient jdbc, Optional<TenantId> tenant, AuditFilter filter, Page.Request request) {
        UUID before = request.after().map(Page.Request::uuidKey).orElse(null);
        return Page.of(jdbc.sql("""
                        select * from (
                            select l.tenant_id, l.id, l.at, l.actor, l.action, l.target_type, l.target_id, l.details::text,
                                   l.source_address,
                                   case l.target_type when 'app' then ap.name
                                                      when 'member' then coalesce(m.display_name, m.email)
                                                      when 'tenant' then t.name end as target_name
                              from audit_log l
                              left join apps ap on l.target_type = 'app' and ap.id::text = l.target_id
                              left join accounts m on l.target_type = 'member' and m.id::text = l.target_id
                              left join tenants t on l.target_type = 'tenant' and t.id::text = l.target_id
                             where (cast(:tenant as uuid) is null or l.tenant_id = cast(:tenant as uuid))
                               and (cast(:before as uuid) is null or l.id < cast(:before as uuid))
                               and (cast(:since as timestamptz) is null or l.at >= cast(:since as timestamptz))
                               and (cast(:until as timestamptz) is null or l.at < cast(:until as timestamptz))
                               and (cast(:actor as text) is null or l.actor ilike cast(:actor as text))
                               and (cast(:action as text) is null or l.action ilike cast(:action as text))
                        ) e
                         where (cast(:target as text) is null
                                or concat_ws(' ', e.target_type, e.target_id, e.target_name) ilike cast(:target as text))
                           and (cast(:text as text) is null
                                or concat_ws(' ', e.actor, e.action, e.target_type, e.target_id, e.target_name, e.details,
                                             e.source_address) ilike cast(:text as text))
                         order by e.id desc
                         limit :limit""")
                .param("tenant", tenant.map(TenantId::value).orElse(null))
                .param("before", before)
                .param("since", filter.since().map(Timestamp::from).orElse(null))
                .param("until", filter.until().map(Timestamp::from).orElse(null))
                .param("actor", AuditFilter.anywhere(filter.actor()))
                .param("action", AuditFilter.anywhere(filter.action()))
                .param("target", AuditFilter.anywhere(filter.target()))
                .param("text", AuditFilter.anywhere(filter.text()))
                .param("limit", request.limit() + 1)
                .query(this::entry)
                .list(), request.limit(), entry -> entry.id().toString());
    }

    private void insert(JdbcClient jdbc, TenantId tenant, Actor actor, String action, String targetType,
                        String targetId, Map<String, ?> details) {
        jdbc.sql("""
                        insert into audit_log (tenant_id, id, actor_id, actor, action, target_type, target_id, details, source_address)
                        values (:tenant, :id, :actorId, :actor, :action, :targetType, :targetId, cast(:details as jsonb), :address)""")
                .param("tenant", tenant == null ? null : tenant.value())
                .param("id", Ids.next())
                .param("actorId", actor.accountId().value())
                .param("actor", actor.email())
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("details", json.writeValueAsString(details))
                .param("address", actor.sourceAddress())
                .update();
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        UUID tenant = rs.getObject("tenant_id", UUID.class);
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                tenant == null ? null : new TenantId(tenant),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("target_name"),
                json.readValue(rs.getString("details"), DETAILS),
                SourceAddress.readable(rs.getString("source_address")));
    }
}
