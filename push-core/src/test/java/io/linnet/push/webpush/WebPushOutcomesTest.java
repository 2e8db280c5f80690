package io.linnet.push.webpush;

import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebPushOutcomesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static DeliveryOutcome outcome(int status) {
        return WebPushOutcomes.of(status, Optional.empty(), Optional.empty(), NOW);
    }

    @Test
    void created_is_accepted_with_the_message_location() {
        assertThat(WebPushOutcomes.of(201, Optional.of("https://push.example/m/1"), Optional.empty(), NOW))
                .isEqualTo(new DeliveryOutcome.Accepted("201 Created", Optional.of("https://push.example/m/1")));
    }

    @ParameterizedTest
    @CsvSource({"404, 404 Not Found", "410, 410 Gone"})
    void a_missing_or_gone_subscription_is_dead(int status, String reason) {
        assertThat(outcome(status)).isEqualTo(new DeliveryOutcome.DeadToken(reason));
    }

    @Test
    void too_many_requests_is_retried_after_the_delay_or_date_asked() {
        assertThat(WebPushOutcomes.of(429, Optional.empty(), Optional.of("Fri, 01 May 2026 10:02:00 GMT"), NOW))
                .isEqualTo(new DeliveryOutcome.RetryLater("429 Too Many Requests", Optional.of(Duration.ofMinutes(2))));
        assertThat(outcome(429)).isEqualTo(new DeliveryOutcome.RetryLater("429 Too Many Requests"));
    }

    @ParameterizedTest
    @CsvSource({"500, 500 Internal Server Error", "502, 502 Bad Gateway", "503, 503 Service Unavailable", "599, 599"})
    void server_errors_are_retried(int status, String reason) {
        assertThat(outcome(status)).isEqualTo(new DeliveryOutcome.RetryLater(reason));
    }

    @ParameterizedTest
    @CsvSource({"401, 401 Unauthorized", "403, 403 Forbidden"})
    void a_refused_vapid_key_is_a_credential_problem(int status, String reason) {
        assertThat(outcome(status)).isEqualTo(new DeliveryOutcome.Rejected(reason, Fault.CREDENTIAL));
    }

    @ParameterizedTest
    @CsvSource({"400, 400 Bad Request", "413, 413 Payload Too Large", "415, 415"})
    void a_malformed_or_oversized_message_is_rejected(int status, String reason) {
        assertThat(outcome(status)).isEqualTo(new DeliveryOutcome.Rejected(reason, Fault.NOTIFICATION));
    }

    @Test
    void the_vapid_audience_is_the_endpoint_s_origin_with_any_non_default_port() {
        assertThat(Vapid.origin(URI.create("https://fcm.googleapis.com/fcm/send/abc"))).isEqualTo("https://fcm.googleapis.com");
        assertThat(Vapid.origin(URI.create("https://Push.Example.com:443/x"))).isEqualTo("https://push.example.com");
        assertThat(Vapid.origin(URI.create("http://127.0.0.1:8080/push/1"))).isEqualTo("http://127.0.0.1:8080");
    }
}
