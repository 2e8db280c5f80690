package io.linnet.analytics;

import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageQueryTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void by_default_the_last_seven_days_by_day_with_every_metric() {
        UsageQuery query = UsageQuery.parse(null, null, null, null, NOW);

        assertThat(query.granularity()).isEqualTo(Granularity.DAY);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(query.points()).hasSize(8).startsWith(Instant.parse("2026-11-29T00:00:00Z"))
                .endsWith(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(query.metrics()).containsExactly(Metric.values());
    }

    @Test
    void per_hour_the_last_day_without_the_per_day_metrics() {
        UsageQuery query = UsageQuery.parse(null, null, "hour", null, NOW);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-06T11:00:00Z"));
        assertThat(query.points()).hasSize(25);
        assertThat(query.metrics()).doesNotContain(Metric.ACTIVE_USERS).contains(Metric.PEAK_CONNECTIONS);
    }

    @Test
    void a_day_as_to_includes_that_day_and_instants_widen_to_whole_points() {
        assertThat(UsageQuery.parse("2026-12-01", "2026-12-01", "day", "messages_direct", NOW).points())
                .containsExactly(Instant.parse("2026-12-01T00:00:00Z"));
        UsageQuery hours = UsageQuery.parse("2026-12-01T10:30:00Z", "2026-12-01T12:00:01Z", "hour", " Messages_Group ", NOW);
        assertThat(hours.points()).containsExactly(Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z"), Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(hours.metrics()).containsExactly(Metric.MESSAGES_GROUP);
    }

    @Test
    void two_thousand_points_are_the_most() {
        assertThat(UsageQuery.parse("2026-01-01T00:00:00Z", "2026-03-25T08:00:00Z", "hour", null, NOW).points()).hasSize(2000);
        assertThatThrownBy(() -> UsageQuery.parse("2026-01-01T00:00:00Z", "2026-03-25T09:00:00Z", "hour", null, NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("2001 points");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2026-12-05 | 2026-12-01 | -    | -                              | from must be before to
            soon       | -          | -    | -                              | from must be an instant
            -          | -          | week | -                              | granularity must be hour or day
            -          | -          | -    | messages,nope                  | unknown metric
            -          | -          | -    | ' ,messages_direct'            | comma-separated
            -          | -          | hour | active_users                   | counted per day
            0001-01-01 | -          | -    | -                              | between 1970 and 9999
            -          | +1000000000-01-01T00:00:00Z | - | -                | between 1970 and 9999
            """)
    void a_bad_query_says_what_is_wrong(String from, String to, String granularity, String metrics, String reason) {
        assertThatThrownBy(() -> UsageQuery.parse(from, to, granularity, metrics, NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining(reason);
    }
}
