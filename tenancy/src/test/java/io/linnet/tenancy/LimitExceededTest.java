package io.linnet.tenancy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LimitExceededTest {

    @Test
    void a_rate_limit_says_when_to_try_again_in_whole_seconds_rounded_up() {
        LimitExceeded limited = LimitExceeded.rate("too fast", Duration.ofMillis(1_001));
        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfterSeconds()).isEqualTo(2);
        assertThat(LimitExceeded.rate("too fast", Duration.ofMillis(3)).retryAfterSeconds()).isEqualTo(1);
        assertThat(LimitExceeded.rate("too fast", Duration.ofMillis(-5)).retryAfter()).isZero();
        assertThat(limited.resetsAt()).isEmpty();
    }

    @Test
    void a_quota_says_when_it_resets() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        Instant resets = Instant.parse("2027-01-01T00:00:00Z");
        LimitExceeded used = LimitExceeded.quota("used up", resets, now);
        assertThat(used.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(used.resetsAt()).contains(resets);
        assertThat(used.retryAfter()).isEqualTo(Duration.between(now, resets));
        assertThat(used.code().status()).isEqualTo(429);
    }
}
