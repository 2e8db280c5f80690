package io.linnet.push.delivery;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 5);

    @Test
    void the_backoff_doubles_with_each_attempt_up_to_the_maximum() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofMinutes(10));
    }

    @RepeatedTest(20)
    void the_jitter_stays_in_the_upper_half_of_the_backoff() {
        assertThat(policy.jittered(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void a_retry_after_longer_than_the_backoff_is_honoured() {
        Instant next = policy.next(1, Optional.of(Duration.ofSeconds(30)), NOW, NOW.plus(Duration.ofHours(1))).orElseThrow();
        assertThat(next).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void a_retry_after_shorter_than_the_backoff_does_not_shorten_it() {
        Instant next = policy.next(3, Optional.of(Duration.ofSeconds(1)), NOW, NOW.plus(Duration.ofHours(1))).orElseThrow();
        assertThat(next).isBetween(NOW.plusSeconds(4), NOW.plusSeconds(8));
    }

    @Test
    void it_gives_up_after_the_last_attempt_or_when_the_next_would_come_after_the_expiry() {
        assertThat(policy.next(5, Optional.empty(), NOW, NOW.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(policy.next(1, Optional.of(Duration.ofMinutes(5)), NOW, NOW.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(policy.next(4, Optional.empty(), NOW, NOW.plus(Duration.ofHours(1)))).isPresent();
    }
}
