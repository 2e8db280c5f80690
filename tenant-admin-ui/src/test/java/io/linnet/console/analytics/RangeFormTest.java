package io.linnet.console.analytics;

import io.linnet.analytics.Granularity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RangeFormTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-30");
    private final List<UsageRange> changes = new ArrayList<>();
    private final RangeForm form = new RangeForm(UsageRange.standard(TODAY), () -> TODAY, changes::add);

    @Test
    void picking_a_range_hands_it_over_and_a_day_comes_per_hour() {
        assertThat(form.from.isVisible()).as("days are picked only for a custom range").isFalse();

        form.choice.setValue(UsageRange.Choice.TODAY);

        assertThat(changes).containsExactly(new UsageRange(UsageRange.Choice.TODAY, TODAY, TODAY, Granularity.HOUR));
        assertThat(form.per.getValue()).isEqualTo(Granularity.HOUR);
    }

    @Test
    void hours_cannot_be_chosen_for_more_than_seven_days() {
        form.choice.setValue(UsageRange.Choice.LAST_30_DAYS);

        assertThat(form.per.getValue()).isEqualTo(Granularity.DAY);
        assertThat(form.per.getItemEnabledProvider().test(Granularity.HOUR)).isFalse();
        form.choice.setValue(UsageRange.Choice.LAST_7_DAYS);
        assertThat(form.per.getItemEnabledProvider().test(Granularity.HOUR)).isTrue();
        form.per.setValue(Granularity.HOUR);
        assertThat(changes.getLast().granularity()).isEqualTo(Granularity.HOUR);
    }

    @Test
    void a_custom_range_with_the_last_day_first_is_said_beside_the_field_and_changes_nothing() {
        form.choice.setValue(UsageRange.Choice.CUSTOM);
        assertThat(form.from.isVisible()).isTrue();
        int before = changes.size();

        form.from.setValue(LocalDate.parse("2026-03-20"));
        form.to.setValue(LocalDate.parse("2026-03-10"));

        assertThat(form.to.isInvalid()).isTrue();
        assertThat(form.to.getErrorMessage()).isEqualTo("The last day must be on or after the first day");
        assertThat(changes).hasSize(before + 1).last().satisfies(range -> assertThat(range.from()).isEqualTo("2026-03-20"));

        form.to.setValue(LocalDate.parse("2026-03-25"));

        assertThat(form.to.isInvalid()).isFalse();
        assertThat(changes.getLast()).isEqualTo(new UsageRange(UsageRange.Choice.CUSTOM, LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-25"), Granularity.DAY));
        assertThat(form.range()).isEqualTo(changes.getLast());
    }
}
