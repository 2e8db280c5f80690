package io.linnet.console.analytics;

import io.linnet.analytics.Granularity;
import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageRangeTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-30");
    private static final Instant NOW = Instant.parse("2026-03-30T14:25:00Z");

    @Test
    void the_offered_ranges_end_today_and_a_day_is_shown_per_hour() {
        assertThat(UsageRange.of(UsageRange.Choice.TODAY, TODAY, Optional.empty()))
                .isEqualTo(new UsageRange(UsageRange.Choice.TODAY, TODAY, TODAY, Granularity.HOUR));
        UsageRange week = UsageRange.standard(TODAY);
        assertThat(week.from()).isEqualTo("2026-03-24");
        assertThat(week.days()).isEqualTo(7);
        assertThat(week.granularity()).isEqualTo(Granularity.DAY);
        assertThat(UsageRange.of(UsageRange.Choice.LAST_90_DAYS, TODAY, Optional.empty()).from()).isEqualTo("2025-12-31");
    }

    @Test
    void hours_are_offered_for_up_to_seven_days_only() {
        assertThat(UsageRange.standard(TODAY).hourlyAllowed()).isTrue();
        assertThat(UsageRange.standard(TODAY).per(Granularity.HOUR).granularity()).isEqualTo(Granularity.HOUR);
        UsageRange month = UsageRange.of(UsageRange.Choice.LAST_30_DAYS, TODAY, Optional.of(Granularity.HOUR));
        assertThat(month.hourlyAllowed()).isFalse();
        assertThat(month.granularity()).as("a month per hour falls back to days").isEqualTo(Granularity.DAY);
    }

    @Test
    void a_custom_range_is_refused_beside_the_day_at_fault() {
        assertThat(UsageRange.problem(TODAY, TODAY.minusDays(1), TODAY))
                .contains(new UsageRange.Problem(UsageRange.Field.TO, "The last day must be on or after the first day"));
        assertThat(UsageRange.problem(TODAY.minusDays(1), TODAY.plusDays(1), TODAY).orElseThrow().field())
                .isEqualTo(UsageRange.Field.TO);
        assertThat(UsageRange.problem(null, TODAY, TODAY).orElseThrow().field()).isEqualTo(UsageRange.Field.FROM);
        assertThat(UsageRange.problem(TODAY.minusDays(UsageRange.MAX_DAYS), TODAY, TODAY).orElseThrow().message())
                .isEqualTo("A range is at most 731 days");
        assertThat(UsageRange.problem(TODAY.minusDays(UsageRange.MAX_DAYS - 1), TODAY, TODAY)).isEmpty();
        assertThatThrownBy(() -> UsageRange.custom(TODAY, TODAY.minusDays(3), TODAY, Granularity.DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void per_hour_the_query_stops_at_the_current_hour_and_per_day_at_the_end_of_today() {
        UsageRange today = UsageRange.of(UsageRange.Choice.TODAY, TODAY, Optional.empty());
        UsageQuery hours = today.query(List.of(Metric.MESSAGES_DIRECT), NOW);
        assertThat(hours.from()).isEqualTo("2026-03-30T00:00:00Z");
        assertThat(hours.to()).isEqualTo("2026-03-30T15:00:00Z");
        assertThat(hours.points()).hasSize(15);

        UsageQuery days = UsageRange.standard(TODAY).daily(List.of(Metric.ACTIVE_USERS), NOW);
        assertThat(days.from()).isEqualTo("2026-03-24T00:00:00Z");
        assertThat(days.to()).isEqualTo("2026-03-31T00:00:00Z");
        assertThat(days.granularity()).isEqualTo(Granularity.DAY);

        UsageRange past = UsageRange.custom(TODAY.minusDays(5), TODAY.minusDays(4), TODAY, Granularity.HOUR);
        assertThat(past.query(List.of(Metric.API_CALLS), NOW).points()).as("a past range keeps all its hours").hasSize(48);
    }

    @Test
    void the_range_round_trips_through_the_address_and_nonsense_there_is_the_default() {
        UsageRange custom = UsageRange.custom(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03"), TODAY, Granularity.HOUR);
        assertThat(custom.parameters()).containsExactly(Map.entry("range", "custom"), Map.entry("from", "2026-03-01"),
                Map.entry("to", "2026-03-03"), Map.entry("per", "hour"));
        assertThat(UsageRange.fromParameters(Map.of("range", List.of("custom"), "from", List.of("2026-03-01"),
                "to", List.of("2026-03-03"), "per", List.of("hour")), TODAY)).isEqualTo(custom);
        assertThat(UsageRange.fromParameters(Map.of("range", List.of("30d")), TODAY).choice())
                .isEqualTo(UsageRange.Choice.LAST_30_DAYS);
        UsageRange standard = UsageRange.standard(TODAY);
        assertThat(UsageRange.fromParameters(Map.of(), TODAY)).isEqualTo(standard);
        assertThat(UsageRange.fromParameters(Map.of("range", List.of("forever")), TODAY)).isEqualTo(standard);
        assertThat(UsageRange.fromParameters(Map.of("range", List.of("custom"), "from", List.of("2026-03-05"),
                "to", List.of("2026-03-01")), TODAY)).isEqualTo(standard);
        assertThat(UsageRange.fromParameters(Map.of("range", List.of("custom"), "from", List.of("yesterday"),
                "to", List.of("2026-03-01")), TODAY)).isEqualTo(standard);
        assertThat(custom.describe()).isEqualTo("Mar 1, 2026 to Mar 3, 2026 (UTC)");
        assertThat(custom.fileSuffix()).isEqualTo("2026-03-01_2026-03-03");
    }
}
