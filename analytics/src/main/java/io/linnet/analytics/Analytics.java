package io.linnet.analytics;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the usage numbers back: a report of one app (for its keys with the {@code analytics} scope,
 * or for a member of its tenant) or of all of a tenant's apps, and an app's headline numbers. Reads
 * only analytics' own rows, inside the tenant's row-level security. The numbers lag what happened by
 * up to one flush interval ({@code linnet.analytics.flush-interval}).
 */
@Service
public class Analytics {

    /** The scope an app key's token needs to read its app's numbers. */
    public static final String SCOPE = "analytics";

    private final TenantDatabase database;
    private final PlatformDatabase platform;
    private final AppManagement apps;
    private final Clock clock;

    @Autowired
    public Analytics(TenantDatabase database, PlatformDatabase platform, AppManagement apps) {
        this.database = database;
        this.platform = platform;
        this.apps = apps;
        this.clock = Clock.systemUTC();
    }

    /** The numbers of the caller's own app. */
    public UsageReport report(AppCaller caller, UsageQuery query) {
        caller.require(SCOPE);
        return database.inTenant(caller.tenantId(), () -> read(caller.tenantId(), Optional.of(caller.appId()), query));
    }

    /** The numbers of one of the member's tenant's apps; another tenant's app is not found. */
    public UsageReport report(Actor.Member actor, AppId app, UsageQuery query) {
        actor.require(Permission.APPS_READ);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return read(actor.tenantId(), Optional.of(app), query);
        });
    }

    /** The numbers of all of the member's tenant's apps together (peaks and active users: the sum of each app's). */
    public UsageReport report(Actor.Member actor, UsageQuery query) {
        actor.require(Permission.APPS_READ);
        return database.inTenant(actor.tenantId(), () -> read(actor.tenantId(), Optional.empty(), query));
    }

    /** The headline numbers of the caller's own app. */
    public AppOverview overview(AppCaller caller) {
        caller.require(SCOPE);
        return database.inTenant(caller.tenantId(), () -> overview(caller.tenantId(), caller.appId()));
    }

    /** The headline numbers of one of the member's tenant's apps. */
    public AppOverview overview(Actor.Member actor, AppId app) {
        actor.require(Permission.APPS_READ);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return overview(actor.tenantId(), app);
        });
    }

    /**
     * What each tenant did from {@code from} to {@code to} (UTC days, {@code to} excluded), for the
     * operator's platform page: messages, distinct active users (per app, added up) and pushes sent,
     * the tenants that did most first.
     */
    public List<TenantUsage> platform(Actor.Operator operator, LocalDate from, LocalDate to) {
        java.util.Objects.requireNonNull(operator, "operator");
        if (!from.isBefore(to) || from.plusDays(UsageQuery.MAX_POINTS).isBefore(to)) {
            throw DomainException.invalid("from must be before to, and at most " + UsageQuery.MAX_POINTS + " days before it");
        }
        return usageOfTenants(Optional.empty(), from, to);
    }

    /**
     * What every tenant did from {@code from} to {@code to} (UTC days, {@code to} excluded), for billing's
     * quotas (the numbers lag by up to one flush interval). No actor: the platform's own reading.
     */
    public List<TenantUsage> usageByTenant(LocalDate from, LocalDate to) {
        return usageOfTenants(Optional.empty(), from, to);
    }

    /** What one tenant did from {@code from} to {@code to} (UTC days, {@code to} excluded), for billing's invoices. */
    public TenantUsage usageOf(TenantId tenant, LocalDate from, LocalDate to) {
        return usageOfTenants(Optional.of(tenant), from, to).stream().findFirst()
                .orElse(new TenantUsage(tenant, 0, 0, 0, 0));
    }

    /**
     * The end users of a tenant active from {@code from} to {@code to}, each as {@code <appId>/<userId>}:
     * what billing's count of monthly active users starts from.
     */
    public java.util.Set<String> activeUsersOf(TenantId tenant, LocalDate from, LocalDate to) {
        return new java.util.HashSet<>(platform.jdbc().sql("""
                        select distinct app_id::text || '/' || user_id from analytics_active_users
                         where tenant_id = ? and day >= ? and day < ?""")
                .params(tenant.value(), from, to)
                .query(String.class)
                .list());
    }

    private List<TenantUsage> usageOfTenants(Optional<TenantId> tenant, LocalDate from, LocalDate to) {
        return platform.jdbc().sql("""
                        with counted as (
                            select tenant_id,
                                   sum(value) filter (where metric in ('messages_direct', 'messages_group')) as messages,
                                   sum(value) filter (where metric = 'push_sent') as pushes,
                                   sum(value) filter (where metric = 'message_bytes') as bytes
                              from analytics_daily
                             where day >= :from and day < :to and (cast(:tenant as uuid) is null or tenant_id = cast(:tenant as uuid))
                             group by tenant_id),
                        active as (
                            select tenant_id, count(*) as users
                              from (select distinct tenant_id, app_id, user_id from analytics_active_users
                                     where day >= :from and day < :to
                                       and (cast(:tenant as uuid) is null or tenant_id = cast(:tenant as uuid))) distinct_users
                             group by tenant_id)
                        select coalesce(c.tenant_id, a.tenant_id) as tenant_id, coalesce(c.messages, 0) as messages,
                               coalesce(a.users, 0) as active_users, coalesce(c.pushes, 0) as pushes,
                               coalesce(c.bytes, 0) as bytes
                          from counted c full join active a on a.tenant_id = c.tenant_id
                         order by messages desc, active_users desc, pushes desc, tenant_id""")
                .param("from", from)
                .param("to", to)
                .param("tenant", tenant.map(TenantId::value).orElse(null))
                .query((rs, row) -> new TenantUsage(new TenantId(rs.getObject("tenant_id", java.util.UUID.class)),
                        rs.getLong("messages"), rs.getLong("active_users"), rs.getLong("pushes"), rs.getLong("bytes")))
                .list();
    }

    private UsageReport read(TenantId tenant, Optional<AppId> app, UsageQuery query) {
        boolean hourly = query.granularity() == Granularity.HOUR;
        String table = hourly ? "analytics_hourly" : "analytics_daily";
        String column = hourly ? "hour" : "day";
        // one pass over the rows: each point's value (its parts added up) and each total's parts (its points added up)
        Map<Metric, Map<Instant, Long>> values = new HashMap<>();
        Map<Metric, Map<String, Long>> parts = new HashMap<>();
        database.jdbc().sql("""
                        select %2$s as point, metric, dimension, sum(value) as value
                          from %1$s
                         where tenant_id = :tenant and (cast(:app as uuid) is null or app_id = cast(:app as uuid))
                           and metric = any(cast(:metrics as text[])) and %2$s >= :from and %2$s < :to
                         group by %2$s, metric, dimension""".formatted(table, column))
                .param("tenant", tenant.value())
                .param("app", app.map(AppId::value).orElse(null))
                .param("metrics", query.metrics().stream().map(Metric::key).toArray(String[]::new))
                .param("from", hourly ? Timestamp.from(query.from()) : day(query.from()))
                .param("to", hourly ? Timestamp.from(query.to()) : day(query.to()))
                .query(rs -> {
                    Metric metric = Metric.of(rs.getString("metric"));
                    Instant point = hourly ? rs.getTimestamp("point").toInstant()
                            : rs.getObject("point", LocalDate.class).atStartOfDay().toInstant(ZoneOffset.UTC);
                    long value = rs.getLong("value");
                    values.computeIfAbsent(metric, key -> new HashMap<>()).merge(point, value, Long::sum);
                    String dimension = rs.getString("dimension");
                    if (!dimension.isEmpty() && metric.kind() == Metric.Kind.SUM) {
                        parts.computeIfAbsent(metric, key -> new HashMap<>()).merge(dimension, value, Long::sum);
                    }
                });
        List<Instant> points = query.points();
        List<UsageReport.Series> series = new ArrayList<>(query.metrics().size());
        for (Metric metric : query.metrics()) {
            Map<Instant, Long> byPoint = values.getOrDefault(metric, Map.of());
            List<UsageReport.Point> line = points.stream()
                    .map(point -> new UsageReport.Point(point, byPoint.getOrDefault(point, 0L)))
                    .toList();
            long total = switch (metric.kind()) {
                case SUM -> line.stream().mapToLong(UsageReport.Point::value).sum();
                case PEAK -> line.stream().mapToLong(UsageReport.Point::value).max().orElse(0);
                case DISTINCT -> distinctActive(tenant, app, day(query.from()), day(query.to()));
            };
            series.add(new UsageReport.Series(metric, total, line, parts.getOrDefault(metric, Map.of())));
        }
        return new UsageReport(query.from(), query.to(), query.granularity(), series);
    }

    /** End users active from {@code from} (included) to {@code to} (excluded), each counted once per app. */
    private long distinctActive(TenantId tenant, Optional<AppId> app, LocalDate from, LocalDate to) {
        return database.jdbc().sql("""
                        select count(*) from (
                            select distinct app_id, user_id from analytics_active_users
                             where tenant_id = :tenant and (cast(:app as uuid) is null or app_id = cast(:app as uuid))
                               and day >= :from and day < :to) users""")
                .param("tenant", tenant.value())
                .param("app", app.map(AppId::value).orElse(null))
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    private AppOverview overview(TenantId tenant, AppId app) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, Long> todays = new HashMap<>();
        Map<String, Long> yesterdays = new HashMap<>();
        database.jdbc().sql("""
                        select day, metric, sum(value) as value from analytics_daily
                         where tenant_id = ? and app_id = ? and day >= ? and day <= ?
                         group by day, metric""")
                .params(tenant.value(), app.value(), today.minusDays(1), today)
                .query(rs -> {
                    (rs.getObject("day", LocalDate.class).equals(today) ? todays : yesterdays)
                            .put(rs.getString("metric"), rs.getLong("value"));
                });
        long activeThisMonth = distinctActive(tenant, Optional.of(app), today.withDayOfMonth(1), today.plusDays(1));
        long activeLast30Days = distinctActive(tenant, Optional.of(app), today.minusDays(29), today.plusDays(1));
        return new AppOverview(app,
                todays.getOrDefault(Metric.ACTIVE_USERS.key(), 0L), activeThisMonth, activeLast30Days,
                messages(todays), messages(yesterdays),
                todays.getOrDefault(Metric.DELIVERIES.key(), 0L),
                todays.getOrDefault(Metric.PEAK_CONNECTIONS.key(), 0L),
                todays.getOrDefault(Metric.API_CALLS.key(), 0L),
                todays.getOrDefault(Metric.API_CLIENT_ERRORS.key(), 0L) + todays.getOrDefault(Metric.API_SERVER_ERRORS.key(), 0L));
    }

    private static long messages(Map<String, Long> day) {
        return day.getOrDefault(Metric.MESSAGES_DIRECT.key(), 0L) + day.getOrDefault(Metric.MESSAGES_GROUP.key(), 0L);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
