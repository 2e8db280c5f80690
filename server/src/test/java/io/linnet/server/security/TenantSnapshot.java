package io.linnet.server.security;

import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row a tenant owns, as a row count and a checksum per table, read on the application's own
 * connection inside the tenant (row-level security shows it exactly that tenant's rows). Two equal
 * snapshots mean that nothing of the tenant was written in between.
 */
final class TenantSnapshot {

    /**
     * Columns that change when the tenant's own credentials are used, not when its data changes:
     * the tests use the victim's app key to ask with a narrower scope.
     */
    private static final List<String> TOUCHED_BY_USE = List.of("last_used_at", "last_seen_at");
    /**
     * Queues whose rows come and go on their own after a write the tenant made itself: a message's row in
     * MessageSent's outbox lives until its listeners have run, a few milliseconds after the send.
     */
    private static final List<String> TRANSIENT = List.of("message_sent_outbox");
    /**
     * Usage metering: every call with one of the tenant's own keys is counted, a refused one too (the
     * tests ask with the victim's key and a narrower scope), and written a moment later. Who may read
     * these numbers is AnalyticsIT's to prove.
     */
    private static final List<String> METERED = List.of("analytics_hourly", "analytics_daily", "analytics_active_users",
            "analytics_connection_minutes");

    private final TenantDatabase database;
    private final List<String> tables;

    TenantSnapshot(TenantDatabase database, TenantId anyTenant) {
        this.database = database;
        this.tables = database.inTenant(anyTenant, () -> database.jdbc().sql("""
                        select table_name from information_schema.columns
                        where column_name = 'tenant_id' and table_schema = current_schema()
                        order by table_name""")
                .query(String.class).list().stream()
                .filter(table -> !TRANSIENT.contains(table) && !METERED.contains(table)).toList());
    }

    List<String> tables() {
        return tables;
    }

    /** table -> "rows:checksum" for every table with a tenant_id, and the tenant's own row. */
    Map<String, String> of(TenantId tenant) {
        String ignored = TOUCHED_BY_USE.stream().map(column -> " - '" + column + "'").reduce("", String::concat);
        return database.inTenant(tenant, () -> {
            Map<String, String> snapshot = new TreeMap<>();
            for (String table : tables) {
                snapshot.put(table, database.jdbc().sql("select count(*) || ':' || coalesce(md5(string_agg(j, '|' order by j)), '-')"
                                + " from (select (to_jsonb(t)" + ignored + ")::text as j from " + table + " t where tenant_id = ?) rows")
                        .param(tenant.value()).query(String.class).single());
            }
            snapshot.put("tenants", database.jdbc().sql("select coalesce(md5(to_jsonb(t)::text), '-') from tenants t where id = ?")
                    .param(tenant.value()).query(String.class).optional().orElse("missing"));
            return snapshot;
        });
    }
}
