package io.linnet.messaging.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllowanceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_burst_of_twice_the_rate_passes_and_the_next_frame_waits_for_the_refill() {
        Allowance allowance = new Allowance(10, 20, 0);

        for (int i = 0; i < 20; i++) {
            assertThat(allowance.take(1, 0)).as("frame %d of the burst", i).isTrue();
        }
        assertThat(allowance.take(1, 0)).isFalse();
        assertThat(allowance.millisUntil(1)).isEqualTo(100);
        assertThat(allowance.take(1, SECOND / 10)).isTrue();
    }

    @Test
    void refills_count_from_when_frames_arrived_not_from_when_they_are_handled() {
        Allowance allowance = new Allowance(10, 20, 0);
        allowance.take(20, 0);

        // a frame that arrived at 0 but is handled a second later earns nothing from that second
        assertThat(allowance.take(1, 0)).isFalse();
        assertThat(allowance.take(5, SECOND / 2)).isTrue();
    }

    @Test
    void a_frame_too_dear_for_what_is_left_takes_nothing() {
        Allowance allowance = new Allowance(10, 20, 0);

        assertThat(allowance.take(21, 0)).isFalse();
        assertThat(allowance.left()).isEqualTo(20);
    }

    @Test
    void an_overdrawn_allowance_is_paid_off_before_the_next_frame_passes() {
        Allowance allowance = new Allowance(100, 200, 0);
        allowance.take(10, 0);

        allowance.charge(2_500);

        assertThat(allowance.left()).isEqualTo(-2_310);
        assertThat(allowance.take(1, 20 * SECOND)).isFalse();
        assertThat(allowance.millisUntil(1)).isEqualTo(3_110);
        assertThat(allowance.take(1, 24 * SECOND)).isTrue();
    }

    @Test
    void the_time_reading_was_paused_is_credited_for_a_while() {
        Allowance allowance = new Allowance(10, 20, 0);
        allowance.take(20, 0);

        allowance.creditPause(SECOND, 2 * SECOND);

        assertThat(allowance.take(10, 0)).isTrue();
        assertThat(allowance.take(1, 0)).isFalse();
    }

    @Test
    void tokens_come_back_at_the_rate_between_whole_seconds() {
        Allowance allowance = new Allowance(10, 20, 0);
        allowance.take(20, 0);

        assertThat(allowance.take(3, SECOND / 4)).as("2.5 tokens after a quarter second").isFalse();
        assertThat(allowance.take(2, SECOND / 4)).isTrue();
        assertThat(allowance.left()).isEqualTo(0.5);
        assertThat(allowance.millisUntil(1)).isEqualTo(50);
    }

    @Test
    void a_long_quiet_spell_refills_no_more_than_the_burst() {
        Allowance allowance = new Allowance(10, 20, 0);
        allowance.take(20, 0);

        assertThat(allowance.take(20, 3_600 * SECOND)).isTrue();
        assertThat(allowance.take(1, 3_600 * SECOND)).as("an hour's tokens are not saved up").isFalse();
    }

    @Test
    void the_credit_for_a_pause_ends_at_its_deadline() {
        Allowance allowance = new Allowance(10, 20, 0);
        allowance.take(20, 0);

        allowance.creditPause(SECOND, 1);

        assertThat(allowance.take(5, 0)).as("arrived before the deadline").isTrue();
        assertThat(allowance.take(5, 1)).as("arrived at the deadline").isFalse();
    }
}
