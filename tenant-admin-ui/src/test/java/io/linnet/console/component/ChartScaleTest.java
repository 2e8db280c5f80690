package io.linnet.console.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartScaleTest {

    @Test
    void the_axis_ends_on_a_round_number_just_above_the_highest_value_in_round_steps() {
        assertThat(ChartScale.of(7)).isEqualTo(new ChartScale(8, 2));
        assertThat(ChartScale.of(100)).isEqualTo(new ChartScale(100, 50));
        assertThat(ChartScale.of(101)).isEqualTo(new ChartScale(150, 50));
        assertThat(ChartScale.of(37)).isEqualTo(new ChartScale(40, 10));
        assertThat(ChartScale.of(1_234_567)).isEqualTo(new ChartScale(1_500_000, 500_000));
        assertThat(ChartScale.of(37).ticks()).containsExactly(0L, 10L, 20L, 30L, 40L);
    }

    @Test
    void small_counts_go_up_in_whole_units_and_nothing_at_all_is_a_scale_of_one() {
        assertThat(ChartScale.of(1)).isEqualTo(new ChartScale(1, 1));
        assertThat(ChartScale.of(3).ticks()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(ChartScale.of(0)).isEqualTo(new ChartScale(1, 1));
        assertThat(ChartScale.of(-5).fraction(3)).isEqualTo(1.0);
    }

    @Test
    void values_sit_between_bottom_and_top() {
        ChartScale scale = ChartScale.of(100);
        assertThat(scale.fraction(0)).isZero();
        assertThat(scale.fraction(25)).isEqualTo(0.25);
        assertThat(scale.fraction(100)).isEqualTo(1.0);
        assertThatThrownBy(() -> new ChartScale(10, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
