package io.linnet.analytics.meter;

import io.linnet.analytics.AnalyticsSettings;
import io.linnet.analytics.Metric;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.database.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a flush writes, against a real PostgreSQL and without Spring: two nodes' counts add up in the
 * hour's and the day's rows, a user active on both nodes counts once, and the peak of connections is
 * the highest minute's sum over the nodes.
 */
class MeterFlushTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final AnalyticsSettings SETTINGS = new AnalyticsSettings(true, Duration.ofSeconds(5), Duration.ofDays(90),
            Duration.ofDays(762), Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30Z");

    private final Meter nodeA = new Meter(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Meter nodeB = new Meter(Clock.fixed(NOW, ZoneOffset.UTC));
    private final MeterFlush flushA = new MeterFlush(nodeA, DB.platformDatabase(), SETTINGS);
    private final MeterFlush flushB = new MeterFlush(nodeB, DB.platformDatabase(), SETTINGS);

    @Test
    void two_nodes_counts_add_up_in_the_hour_and_the_day() {
        AppRef app = DB.newApp();
        nodeA.add(app, Metric.MESSAGES_DIRECT, 3);
        nodeB.add(app, Metric.MESSAGES_DIRECT, 4);
        nodeA.add(app, Metric.API_CALLS, "key-1", 2);
        nodeB.add(app, Metric.API_CALLS, "key-2", 5);

        assertThat(flushA.flush()).isTrue();
        assertThat(flushB.flush()).isTrue();
        nodeA.add(app, Metric.MESSAGES_DIRECT, 1);
        assertThat(flushA.flush()).isTrue();

        assertThat(hourly(app, Metric.MESSAGES_DIRECT, "")).isEqualTo(8);
        assertThat(daily(app, Metric.MESSAGES_DIRECT, "")).isEqualTo(8);
        assertThat(hourly(app, Metric.API_CALLS, "key-1")).isEqualTo(2);
        assertThat(daily(app, Metric.API_CALLS, "key-2")).isEqualTo(5);
    }

    @Test
    void a_user_active_on_both_nodes_counts_once_a_day() {
        AppRef app = DB.newApp();
        nodeA.active(app, "ann");
        nodeB.active(app, "ann");
        nodeB.active(app, "ben");

        flushA.flush();
        flushB.flush();

        assertThat(daily(app, Metric.ACTIVE_USERS, "")).isEqualTo(2);
        assertThat(DB.owner().sql("select count(*) from analytics_active_users where app_id = ?")
                .param(app.appId().value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void the_peak_is_the_highest_minutes_sum_over_the_nodes() {
        AppRef app = DB.newApp();
        nodeA.connected(app);
        nodeA.connected(app);
        nodeA.connected(app);
        nodeA.disconnected(app);
        nodeB.connected(app);
        nodeB.connected(app);

        flushA.flush();
        flushB.flush();

        // node A had 3 at most and 2 now, node B 2: the minute's highest counts add up to 5
        assertThat(hourly(app, Metric.PEAK_CONNECTIONS, "")).isEqualTo(5);
        assertThat(daily(app, Metric.PEAK_CONNECTIONS, "")).isEqualTo(5);

        flushA.flush();
        assertThat(hourly(app, Metric.PEAK_CONNECTIONS, "")).as("flushing again changes nothing").isEqualTo(5);
    }

    @Test
    void what_could_not_be_written_is_written_by_the_next_flush() {
        AppRef app = DB.newApp();
        nodeA.add(app, Metric.RECALLS, 2);
        MeterFlush broken = new MeterFlush(nodeA, null, SETTINGS);

        assertThat(broken.flush()).as("no database: the flush fails").isFalse();
        assertThat(flushA.flush()).isTrue();

        assertThat(hourly(app, Metric.RECALLS, "")).isEqualTo(2);
    }

    @Test
    void the_counts_of_a_deleted_app_are_dropped_and_hold_up_no_other_app() {
        AppRef live = DB.newApp();
        AppRef deleted = DB.newApp();
        DB.owner().sql("delete from apps where tenant_id = ? and id = ?")
                .params(deleted.tenantId().value(), deleted.appId().value()).update();
        nodeA.add(live, Metric.MESSAGES_GROUP, 2);
        nodeA.add(deleted, Metric.MESSAGES_GROUP, 5);
        nodeA.active(deleted, "ann");
        nodeA.connected(deleted);

        assertThat(flushA.flush()).isTrue();
        nodeA.add(live, Metric.MESSAGES_GROUP, 1);
        assertThat(flushA.flush()).as("nothing of the deleted app is left to try again").isTrue();

        assertThat(hourly(live, Metric.MESSAGES_GROUP, "")).isEqualTo(3);
        assertThat(hourly(deleted, Metric.MESSAGES_GROUP, "")).isZero();
    }

    private static long hourly(AppRef app, Metric metric, String dimension) {
        return DB.owner().sql("select coalesce(sum(value), 0) from analytics_hourly where app_id = ? and metric = ? and dimension = ?"
                        + " and hour = ?")
                .params(app.appId().value(), metric.key(), dimension, java.sql.Timestamp.from(Instant.parse("2026-12-06T10:00:00Z")))
                .query(Long.class).single();
    }

    private static long daily(AppRef app, Metric metric, String dimension) {
        return DB.owner().sql("select coalesce(sum(value), 0) from analytics_daily where app_id = ? and metric = ? and dimension = ?"
                        + " and day = ?")
                .params(app.appId().value(), metric.key(), dimension, LocalDate.parse("2026-12-06"))
                .query(Long.class).single();
    }
}
