package io.linnet.push.provider;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void seconds_are_a_delay() {
        assertThat(RetryAfter.parse(Optional.of("120"), NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void an_http_date_is_a_delay_until_then_and_a_past_date_is_no_delay() {
        assertThat(RetryAfter.parse(Optional.of("Fri, 01 May 2026 10:01:30 GMT"), NOW)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse(Optional.of("Fri, 01 May 2026 09:00:00 GMT"), NOW)).contains(Duration.ZERO);
    }

    @Test
    void an_absent_or_unreadable_header_says_nothing() {
        assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-5"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("99999999999999999999999"), NOW)).isEmpty();
    }
}
