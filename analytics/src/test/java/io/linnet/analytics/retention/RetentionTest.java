package io.linnet.analytics.retention;

import io.linnet.analytics.AnalyticsSettings;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.database.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Old usage rows go, in batches; those still within their keeping stay. Against a real PostgreSQL, without Spring. */
class RetentionTest {

    private static final TestDatabase DB = TestDatabase.shared();

    @Test
    void rows_past_their_keeping_are_removed_in_batches_and_the_rest_stay() {
        AppRef app = DB.newApp();
        Instant now = Instant.now();
        int old = Retention.BATCH + 10;
        DB.owner().sql("""
                        insert into analytics_hourly (tenant_id, app_id, metric, dimension, hour, value)
                        select ?, ?, 'messages_direct', 'k' || n, ?, 1 from generate_series(1, ?) n""")
                .params(app.tenantId().value(), app.appId().value(), Timestamp.from(now.minus(Duration.ofDays(91))), old)
                .update();
        DB.owner().sql("insert into analytics_hourly (tenant_id, app_id, metric, dimension, hour, value) values (?, ?, 'recalls', '', ?, 1)")
                .params(app.tenantId().value(), app.appId().value(), Timestamp.from(now.minus(Duration.ofDays(89))))
                .update();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DB.owner().sql("insert into analytics_daily (tenant_id, app_id, metric, dimension, day, value) values (?, ?, 'recalls', '', ?, 1), (?, ?, 'recalls', '', ?, 1)")
                .params(app.tenantId().value(), app.appId().value(), today.minusDays(800),
                        app.tenantId().value(), app.appId().value(), today.minusDays(700))
                .update();
        DB.owner().sql("insert into analytics_active_users (tenant_id, app_id, day, user_id) values (?, ?, ?, 'old'), (?, ?, ?, 'kept')")
                .params(app.tenantId().value(), app.appId().value(), today.minusDays(800),
                        app.tenantId().value(), app.appId().value(), today)
                .update();
        Retention retention = new Retention(DB.platformDatabase(), new AnalyticsSettings(true, Duration.ofSeconds(5),
                Duration.ofDays(90), Duration.ofDays(762), Duration.ofHours(1)));

        assertThat(retention.removeOld()).isGreaterThanOrEqualTo(old + 2L);

        assertThat(count("analytics_hourly", app)).isEqualTo(1);
        assertThat(count("analytics_daily", app)).isEqualTo(1);
        assertThat(count("analytics_active_users", app)).isEqualTo(1);
        assertThat(retention.removeOld()).as("nothing is left to remove").isZero();
    }

    private static long count(String table, AppRef app) {
        return DB.owner().sql("select count(*) from " + table + " where app_id = ?").param(app.appId().value())
                .query(Long.class).single();
    }
}
