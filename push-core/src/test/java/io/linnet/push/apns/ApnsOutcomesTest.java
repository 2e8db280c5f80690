package io.linnet.push.apns;

import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class ApnsOutcomesTest {

    /** An APNs answer as Pushy reports it. */
    private record Answer(boolean isAccepted, int getStatusCode, Optional<String> getRejectionReason,
                          UUID getApnsId, Optional<UUID> getApnsUniqueId)
            implements PushNotificationResponse<SimpleApnsPushNotification> {

        static Answer rejected(int status, String reason) {
            return new Answer(false, status, Optional.ofNullable(reason), UUID.randomUUID(), Optional.empty());
        }

        @Override
        public SimpleApnsPushNotification getPushNotification() {
            return null;
        }

        @Override
        public Optional<Instant> getTokenInvalidationTimestamp() {
            return Optional.empty();
        }
    }

    @Test
    void an_accepted_notification_carries_the_apns_unique_id_when_there_is_one() {
        UUID apnsId = UUID.randomUUID();
        UUID uniqueId = UUID.randomUUID();

        assertThat(ApnsOutcomes.of(new Answer(true, 200, Optional.empty(), apnsId, Optional.of(uniqueId))))
                .isEqualTo(new DeliveryOutcome.Accepted("Accepted", Optional.of(uniqueId.toString())));
        assertThat(ApnsOutcomes.of(new Answer(true, 200, Optional.empty(), apnsId, Optional.empty())))
                .isEqualTo(new DeliveryOutcome.Accepted("Accepted", Optional.of(apnsId.toString())));
    }

    @ParameterizedTest
    @CsvSource({"410, Unregistered", "410, ExpiredToken", "400, BadDeviceToken", "400, MissingDeviceToken",
            "410, SomethingNew"})
    void gone_and_malformed_tokens_are_dead(int status, String reason) {
        assertThat(ApnsOutcomes.of(Answer.rejected(status, reason))).isEqualTo(new DeliveryOutcome.DeadToken(reason));
    }

    @ParameterizedTest
    @CsvSource({"429, TooManyRequests", "429, TooManyProviderTokenUpdates", "500, InternalServerError",
            "503, ServiceUnavailable", "503, Shutdown", "502, SomethingNew"})
    void rate_limits_and_server_trouble_are_retried(int status, String reason) {
        assertThat(ApnsOutcomes.of(Answer.rejected(status, reason))).isEqualTo(new DeliveryOutcome.RetryLater(reason));
    }

    @Test
    void an_expired_provider_token_is_retried_and_lets_another_credential_try_meanwhile() {
        DeliveryOutcome outcome = ApnsOutcomes.of(Answer.rejected(403, "ExpiredProviderToken"));

        assertThat(outcome).isEqualTo(DeliveryOutcome.RetryLater.credential("ExpiredProviderToken"));
        assertThat(outcome.refusesCredential()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"403, InvalidProviderToken", "403, BadCertificate", "403, BadCertificateEnvironment",
            "403, MissingProviderToken", "400, DeviceTokenNotForTopic", "400, TopicDisallowed", "400, BadTopic",
            "403, SomethingNew"})
    void authentication_and_topic_refusals_are_credential_problems(int status, String reason) {
        assertThat(ApnsOutcomes.of(Answer.rejected(status, reason)))
                .isEqualTo(new DeliveryOutcome.Rejected(reason, Fault.CREDENTIAL));
    }

    @ParameterizedTest
    @CsvSource({"413, PayloadTooLarge", "400, BadCollapseId", "400, BadExpirationDate", "400, PayloadEmpty",
            "400, BadPriority"})
    void payload_refusals_are_the_notification_s_fault(int status, String reason) {
        assertThat(ApnsOutcomes.of(Answer.rejected(status, reason)))
                .isEqualTo(new DeliveryOutcome.Rejected(reason, Fault.NOTIFICATION));
    }

    @Test
    void an_answer_without_a_reason_is_described_by_its_status() {
        assertThat(ApnsOutcomes.of(Answer.rejected(500, null))).isEqualTo(new DeliveryOutcome.RetryLater("HTTP 500"));
    }

    @Test
    void transport_failures_and_timeouts_are_retried() {
        assertThat(ApnsOutcomes.ofFailure(new CompletionException(new TimeoutException())))
                .isEqualTo(new DeliveryOutcome.RetryLater("Timeout waiting for APNs"));
        assertThat(ApnsOutcomes.ofFailure(new ConnectTimeoutException("connection timed out")))
                .isEqualTo(new DeliveryOutcome.RetryLater("ConnectTimeoutException: connection timed out"));
    }
}
