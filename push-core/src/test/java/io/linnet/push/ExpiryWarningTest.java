package io.linnet.push;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryWarningTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static ExpiryWarning in(Duration left) {
        return ExpiryWarning.of(NOW.plus(left), NOW);
    }

    @Test
    void warnings_start_thirty_days_ahead_grow_seven_days_ahead_and_end_as_expired() {
        assertThat(ExpiryWarning.of(null, NOW)).as("never expires").isEqualTo(ExpiryWarning.NONE);
        assertThat(in(Duration.ofDays(31))).isEqualTo(ExpiryWarning.NONE);
        assertThat(in(Duration.ofDays(30))).isEqualTo(ExpiryWarning.WITHIN_30_DAYS);
        assertThat(in(Duration.ofDays(8))).isEqualTo(ExpiryWarning.WITHIN_30_DAYS);
        assertThat(in(Duration.ofDays(7))).isEqualTo(ExpiryWarning.WITHIN_7_DAYS);
        assertThat(in(Duration.ofMinutes(1))).isEqualTo(ExpiryWarning.WITHIN_7_DAYS);
        assertThat(in(Duration.ZERO)).isEqualTo(ExpiryWarning.EXPIRED);
        assertThat(in(Duration.ofDays(-3))).isEqualTo(ExpiryWarning.EXPIRED);
    }

    @Test
    void warnings_are_written_in_lower_case_on_the_wire() {
        assertThat(ExpiryWarning.WITHIN_30_DAYS.wireName()).isEqualTo("within_30_days");
        assertThat(ExpiryWarning.EXPIRED.wireName()).isEqualTo("expired");
    }
}
