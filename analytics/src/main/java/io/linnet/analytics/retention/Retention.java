package io.linnet.analytics.retention;

import io.linnet.analytics.AnalyticsSettings;
import io.linnet.tenancy.database.PlatformDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Removes usage rows past their keeping: hourly rows after {@code linnet.analytics.hourly-retention}
 * (90 days), daily rows and each day's active users after {@code daily-retention} (25 months), each
 * node's connections per minute after two days. Every {@code retention-interval}, in batches of
 * {@value #BATCH} rows so that no statement holds many locks for long. Every node runs it; the
 * deletes of one make the others' find nothing.
 */
@Component
class Retention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 5_000;
    static final Duration CONNECTION_MINUTES_KEPT = Duration.ofDays(2);

    private final PlatformDatabase platform;
    private final AnalyticsSettings settings;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running;
    private volatile boolean stopping;
    private Thread thread;

    Retention(PlatformDatabase platform, AnalyticsSettings settings) {
        this.platform = platform;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("analytics-retention").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(Duration.ofMinutes(1).compareTo(settings.retentionInterval()) < 0
                        ? Duration.ofMinutes(1) : settings.retentionInterval());
                removeOld();
                Thread.sleep(settings.retentionInterval());
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failed) {
                log.warn("Could not remove old usage rows; trying again later ({})", failed.getClass().getSimpleName());
            }
        }
    }

    /** Removes every row past its keeping; answers how many. */
    long removeOld() {
        Instant now = clock.instant();
        LocalDate dailyCutoff = LocalDate.ofInstant(now.minus(settings.dailyRetention()), ZoneOffset.UTC);
        return delete("analytics_hourly", "hour", Timestamp.from(now.minus(settings.hourlyRetention())))
                + delete("analytics_daily", "day", dailyCutoff)
                + delete("analytics_active_users", "day", dailyCutoff)
                + delete("analytics_connection_minutes", "minute", Timestamp.from(now.minus(CONNECTION_MINUTES_KEPT)));
    }

    private long delete(String table, String column, Object before) {
        long removed = 0;
        int batch;
        do {
            batch = platform.jdbc().sql("""
                            delete from %1$s where ctid = any(array(
                                select ctid from %1$s where %2$s < ? limit %3$d))""".formatted(table, column, BATCH))
                    .params(before)
                    .update();
            removed += batch;
        } while (batch == BATCH && !stopping);
        return removed;
    }
}
