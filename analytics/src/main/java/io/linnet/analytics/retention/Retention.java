package io.linnet.analytics.retention;

import io.linnet.analytics.AnalyticsSettings;
import io.linnet.tenancy.PeriodicWork;
import io.linnet.tenancy.database.PlatformDatabase;
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
class Retention extends PeriodicWork {

    static final int BATCH = 5_000;
    static final Duration CONNECTION_MINUTES_KEPT = Duration.ofDays(2);

    private final PlatformDatabase platform;
    private final AnalyticsSettings settings;
    private final Clock clock = Clock.systemUTC();

    Retention(PlatformDatabase platform, AnalyticsSettings settings) {
        super("analytics-retention");
        this.platform = platform;
        this.settings = settings;
    }

    /** A minute after the start (or sooner, when the interval is shorter), then every interval. */
    @Override
    protected Duration firstDelay() {
        return Duration.ofMinutes(1).compareTo(settings.retentionInterval()) < 0 ? Duration.ofMinutes(1) : settings.retentionInterval();
    }

    @Override
    protected Duration interval() {
        return settings.retentionInterval();
    }

    @Override
    protected void runOnce() {
        removeOld();
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
        } while (batch == BATCH && !stopped());
        return removed;
    }
}
