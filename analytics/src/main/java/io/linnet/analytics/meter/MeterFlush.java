package io.linnet.analytics.meter;

import io.linnet.analytics.AnalyticsSettings;
import io.linnet.analytics.Metric;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.database.PlatformDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Adds what this node counted to the database every {@code linnet.analytics.flush-interval}, and once
 * more when the node stops: one transaction, a statement or two per table, across tenants on the
 * platform path. What a flush could not write is put back into the {@link Meter} and tried again, so
 * the counts of a node are lost only if it dies between two flushes. The counts of an app deleted
 * meanwhile (a foreign key refuses them) are dropped, app by app, without holding up the others.
 *
 * <p>Counts are added to their hour's and their day's rows. Active users are inserted per day (the key
 * makes a user count once, whichever nodes saw them); those new to the day add to its
 * {@code active_users}. Each node writes its highest connections per app and minute; the minute's sum
 * over the nodes, if higher, becomes its hour's and day's {@code peak_connections}.
 */
@Component
class MeterFlush implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeterFlush.class);

    private final Meter meter;
    private final PlatformDatabase platform;
    private final AnalyticsSettings settings;
    /** This process's name among the nodes, for its rows of connections. */
    private final String node = UUID.randomUUID().toString();
    private volatile boolean running;
    private Thread thread;
    private long failures;

    MeterFlush(Meter meter, PlatformDatabase platform, AnalyticsSettings settings) {
        this.meter = meter;
        this.platform = platform;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!settings.metering()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("analytics-flush").daemon().start(this::run);
    }

    /** Stops after the gateway and the web server (a lower phase stops later), then writes what is left. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flush();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(settings.flushInterval());
            } catch (InterruptedException stopping) {
                return;
            }
            flush();
        }
    }

    /** Writes what was counted since the last flush; true if it was written (or there was nothing). */
    synchronized boolean flush() {
        Meter.Drained drained = meter.drain();
        if (drained.isEmpty()) {
            return true;
        }
        try {
            write(drained);
        } catch (DataIntegrityViolationException appGone) {
            // an app (or its tenant) was deleted since it was counted: write app by app, and let the deleted ones' counts go
            return writeEachApp(drained);
        } catch (RuntimeException failed) {
            return failed(drained, failed);
        }
        written(drained);
        return true;
    }

    private void write(Meter.Drained drained) {
        platform.inTransaction(() -> {
            writeCounts(drained.counts());
            writeActive(drained.active());
            writeConnections(drained.minutes());
            return null;
        });
    }

    private boolean writeEachApp(Meter.Drained drained) {
        boolean all = true;
        for (Meter.Drained ofApp : drained.byApp().values()) {
            try {
                write(ofApp);
                written(ofApp);
            } catch (DataIntegrityViolationException appGone) {
                log.debug("Dropped the usage counts of a deleted app");
            } catch (RuntimeException failed) {
                all = failed(ofApp, failed) && all;
            }
        }
        return all;
    }

    private void written(Meter.Drained drained) {
        meter.written(drained);
        if (failures > 0) {
            log.info("Usage counts are written again after {} failed flushes", failures);
            failures = 0;
        }
    }

    /** Keeps what could not be written for the next flush; always false. */
    private boolean failed(Meter.Drained drained, RuntimeException failure) {
        meter.restore(drained);
        if (failures++ % 60 == 0) {
            log.warn("Could not write usage counts; they are kept and written later ({})", failure.getClass().getSimpleName());
        }
        return false;
    }

    private void writeCounts(Map<Meter.Counted, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        // one order for every node's statements, so that two flushes never wait on each other's rows in a cycle
        Map<Meter.Counted, Long> hourly = new TreeMap<>(Comparator.comparing((Meter.Counted key) -> key.app().tenantId().value())
                .thenComparing(key -> key.app().appId().value()).thenComparing(key -> key.metric().key())
                .thenComparing(Meter.Counted::dimension).thenComparing(Meter.Counted::hour));
        hourly.putAll(counts);
        platform.jdbc().sql("""
                        insert into analytics_hourly (tenant_id, app_id, metric, dimension, hour, value)
                        select * from unnest(cast(:tenants as uuid[]), cast(:apps as uuid[]), cast(:metrics as text[]),
                                             cast(:dimensions as text[]), cast(:hours as timestamptz[]), cast(:values as bigint[]))
                        on conflict (tenant_id, app_id, metric, dimension, hour)
                        do update set value = analytics_hourly.value + excluded.value""")
                .param("tenants", column(hourly, key -> key.app().tenantId().value().toString()))
                .param("apps", column(hourly, key -> key.app().appId().value().toString()))
                .param("metrics", column(hourly, key -> key.metric().key()))
                .param("dimensions", column(hourly, Meter.Counted::dimension))
                .param("hours", column(hourly, key -> key.hour().toString()))
                .param("values", hourly.values().toArray(Long[]::new))
                .update();
        record Daily(AppRef app, String metric, String dimension, LocalDate day) {
        }
        Map<Daily, Long> daily = new TreeMap<>(Comparator.comparing((Daily key) -> key.app().tenantId().value())
                .thenComparing(key -> key.app().appId().value()).thenComparing(Daily::metric)
                .thenComparing(Daily::dimension).thenComparing(Daily::day));
        counts.forEach((key, value) -> daily.merge(new Daily(key.app(), key.metric().key(), key.dimension(),
                LocalDate.ofInstant(key.hour(), ZoneOffset.UTC)), value, Long::sum));
        platform.jdbc().sql("""
                        insert into analytics_daily (tenant_id, app_id, metric, dimension, day, value)
                        select * from unnest(cast(:tenants as uuid[]), cast(:apps as uuid[]), cast(:metrics as text[]),
                                             cast(:dimensions as text[]), cast(:days as date[]), cast(:values as bigint[]))
                        on conflict (tenant_id, app_id, metric, dimension, day)
                        do update set value = analytics_daily.value + excluded.value""")
                .param("tenants", column(daily, key -> key.app().tenantId().value().toString()))
                .param("apps", column(daily, key -> key.app().appId().value().toString()))
                .param("metrics", column(daily, Daily::metric))
                .param("dimensions", column(daily, Daily::dimension))
                .param("days", column(daily, key -> key.day().toString()))
                .param("values", daily.values().toArray(Long[]::new))
                .update();
    }

    private void writeActive(List<Meter.Active> active) {
        if (active.isEmpty()) {
            return;
        }
        List<Meter.Active> sorted = active.stream().sorted(Comparator.comparing((Meter.Active user) -> user.app().tenantId().value())
                .thenComparing(user -> user.app().appId().value()).thenComparing(Meter.Active::day)
                .thenComparing(Meter.Active::userId)).toList();
        platform.jdbc().sql("""
                        with added as (
                            insert into analytics_active_users (tenant_id, app_id, day, user_id)
                            select * from unnest(cast(:tenants as uuid[]), cast(:apps as uuid[]), cast(:days as date[]),
                                                 cast(:users as text[]))
                            on conflict do nothing
                            returning tenant_id, app_id, day)
                        insert into analytics_daily (tenant_id, app_id, metric, dimension, day, value)
                        select tenant_id, app_id, :metric, '', day, count(*) from added group by tenant_id, app_id, day
                        order by tenant_id, app_id, day
                        on conflict (tenant_id, app_id, metric, dimension, day)
                        do update set value = analytics_daily.value + excluded.value""")
                .param("tenants", sorted.stream().map(user -> user.app().tenantId().value().toString()).toArray(String[]::new))
                .param("apps", sorted.stream().map(user -> user.app().appId().value().toString()).toArray(String[]::new))
                .param("days", sorted.stream().map(user -> user.day().toString()).toArray(String[]::new))
                .param("users", sorted.stream().map(Meter.Active::userId).toArray(String[]::new))
                .param("metric", Metric.ACTIVE_USERS.key())
                .update();
    }

    private void writeConnections(Map<Meter.Minute, Integer> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        Map<Meter.Minute, Integer> sorted = new TreeMap<>(Comparator.comparing((Meter.Minute key) -> key.app().tenantId().value())
                .thenComparing(key -> key.app().appId().value()).thenComparing(Meter.Minute::minute));
        sorted.putAll(minutes);
        String[] tenants = column(sorted, key -> key.app().tenantId().value().toString());
        String[] apps = column(sorted, key -> key.app().appId().value().toString());
        String[] at = column(sorted, key -> key.minute().toString());
        platform.jdbc().sql("""
                        insert into analytics_connection_minutes (tenant_id, app_id, minute, node, connections)
                        select t, a, m, :node, c
                          from unnest(cast(:tenants as uuid[]), cast(:apps as uuid[]), cast(:minutes as timestamptz[]),
                                      cast(:counts as int[])) as v(t, a, m, c)
                        on conflict (tenant_id, app_id, minute, node)
                        do update set connections = greatest(analytics_connection_minutes.connections, excluded.connections)""")
                .param("tenants", tenants)
                .param("apps", apps)
                .param("minutes", at)
                .param("counts", sorted.values().toArray(Integer[]::new))
                .param("node", node)
                .update();
        for (String table : List.of("analytics_hourly", "analytics_daily")) {
            String bucket = table.equals("analytics_hourly") ? "date_trunc('hour', minute, 'UTC')" : "(minute at time zone 'UTC')::date";
            String column = table.equals("analytics_hourly") ? "hour" : "day";
            platform.jdbc().sql("""
                            with touched as (
                                select * from unnest(cast(:tenants as uuid[]), cast(:apps as uuid[]), cast(:minutes as timestamptz[]))
                                           as v(tenant_id, app_id, minute)),
                            summed as (
                                select m.tenant_id, m.app_id, m.minute, sum(m.connections) as connections
                                  from analytics_connection_minutes m join touched using (tenant_id, app_id, minute)
                                 group by m.tenant_id, m.app_id, m.minute)
                            insert into %1$s (tenant_id, app_id, metric, dimension, %2$s, value)
                            select tenant_id, app_id, :metric, '', %3$s, max(connections) from summed
                             group by tenant_id, app_id, %3$s
                             order by tenant_id, app_id, %3$s
                            on conflict (tenant_id, app_id, metric, dimension, %2$s)
                            do update set value = greatest(%1$s.value, excluded.value)""".formatted(table, column, bucket))
                    .param("tenants", tenants)
                    .param("apps", apps)
                    .param("minutes", at)
                    .param("metric", Metric.PEAK_CONNECTIONS.key())
                    .update();
        }
    }

    private static <K> String[] column(Map<K, ?> rows, Function<K, String> value) {
        return rows.keySet().stream().map(value).toArray(String[]::new);
    }
}
