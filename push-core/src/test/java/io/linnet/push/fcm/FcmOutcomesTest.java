package io.linnet.push.fcm;

import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FcmOutcomesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static String error(int code, String status, String errorCode, String message) {
        String details = errorCode == null ? "" : """
                ,"details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]"""
                .formatted(errorCode);
        return """
                {"error":{"code":%d,"message":"%s","status":"%s"%s}}""".formatted(code, message, status, details);
    }

    private static DeliveryOutcome outcome(int status, String body) {
        return FcmOutcomes.of(status, body, Optional.empty(), NOW);
    }

    @Test
    void a_sent_message_is_accepted_with_its_name() {
        assertThat(outcome(200, "{\"name\":\"projects/p/messages/0:123\"}"))
                .isEqualTo(new DeliveryOutcome.Accepted("OK", Optional.of("projects/p/messages/0:123")));
    }

    @Test
    void unregistered_is_a_dead_token_whatever_the_status() {
        assertThat(outcome(404, error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.")))
                .isEqualTo(new DeliveryOutcome.DeadToken("UNREGISTERED"));
        assertThat(outcome(400, error(400, "INVALID_ARGUMENT", "UNREGISTERED", "")))
                .isEqualTo(new DeliveryOutcome.DeadToken("UNREGISTERED"));
    }

    @Test
    void an_invalid_argument_about_the_token_is_a_dead_token_and_about_anything_else_a_bad_notification() {
        String badToken = """
                {"error":{"code":400,"message":"Invalid value","status":"INVALID_ARGUMENT","details":[
                  {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"},
                  {"@type":"type.googleapis.com/google.rpc.BadRequest",
                   "fieldViolations":[{"field":"message.token","description":"Invalid registration token"}]}]}}""";
        String badTtl = """
                {"error":{"code":400,"message":"Invalid value at 'message.android.ttl'","status":"INVALID_ARGUMENT",
                  "details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
                   "fieldViolations":[{"field":"message.android.ttl","description":"Invalid value"}]}]}}""";

        assertThat(outcome(400, badToken)).isInstanceOf(DeliveryOutcome.DeadToken.class);
        assertThat(outcome(400, badTtl)).isEqualTo(new DeliveryOutcome.Rejected(
                "INVALID_ARGUMENT: Invalid value at 'message.android.ttl'", Fault.NOTIFICATION));
    }

    @ParameterizedTest
    @CsvSource({"429, RESOURCE_EXHAUSTED, QUOTA_EXCEEDED", "503, UNAVAILABLE, UNAVAILABLE", "500, INTERNAL, INTERNAL",
            "502, UNKNOWN,"})
    void quotas_and_server_trouble_are_retried_after_what_fcm_asks(int status, String grpc, String errorCode) {
        DeliveryOutcome outcome = FcmOutcomes.of(status, error(status, grpc, errorCode, "try later"),
                Optional.of("30"), NOW);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater(errorCode == null ? grpc : errorCode,
                Optional.of(Duration.ofSeconds(30))));
    }

    @ParameterizedTest
    @CsvSource({"403, PERMISSION_DENIED, SENDER_ID_MISMATCH, SENDER_ID_MISMATCH",
            "401, UNAUTHENTICATED, THIRD_PARTY_AUTH_ERROR, THIRD_PARTY_AUTH_ERROR",
            "401, UNAUTHENTICATED, , UNAUTHENTICATED", "403, PERMISSION_DENIED, , PERMISSION_DENIED",
            "404, NOT_FOUND, , NOT_FOUND"})
    void authentication_and_project_problems_are_credential_problems(int status, String grpc, String errorCode,
                                                                     String reason) {
        assertThat(outcome(status, error(status, grpc, errorCode, "no")))
                .isEqualTo(new DeliveryOutcome.Rejected(reason, Fault.CREDENTIAL));
    }

    @Test
    void an_answer_that_is_not_fcm_json_is_judged_by_its_status() {
        assertThat(outcome(502, "<html>Bad gateway</html>")).isEqualTo(new DeliveryOutcome.RetryLater("HTTP 502"));
        assertThat(outcome(413, "")).isEqualTo(new DeliveryOutcome.Rejected("HTTP 413", Fault.NOTIFICATION));
    }

    @Test
    void no_answer_at_all_is_retried_and_a_refused_service_account_is_a_credential_problem() {
        assertThat(FcmOutcomes.ofFailure(new CompletionException(new HttpTimeoutException("request timed out"))))
                .isEqualTo(new DeliveryOutcome.RetryLater("Timeout waiting for FCM"));
        assertThat(FcmOutcomes.ofFailure(new CompletionException(new ConnectException())))
                .isEqualTo(new DeliveryOutcome.RetryLater("ConnectException"));
        assertThat(FcmOutcomes.ofFailure(new CompletionException(
                new FcmAccessTokens.TokenRefused("400 invalid_grant", new IOException()))))
                .isEqualTo(new DeliveryOutcome.Rejected("Access token refused: 400 invalid_grant", Fault.CREDENTIAL));
        assertThat(FcmOutcomes.ofFailure(new CompletionException(
                new FcmAccessTokens.TokenUnavailable("503 from the token endpoint", new IOException()))))
                .isEqualTo(new DeliveryOutcome.RetryLater("No access token: 503 from the token endpoint"));
    }
}
