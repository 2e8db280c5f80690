package io.linnet.push.fcm;

import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.RetryAfter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * FCM v1 answers as {@link DeliveryOutcome}s. Errors come as {@code {"error":{"code","message","status","details"}}},
 * where a detail of type {@code google.firebase.fcm.v1.FcmError} names the FCM error code
 * ({@code UNREGISTERED}, {@code QUOTA_EXCEEDED}, ...) and a {@code google.rpc.BadRequest} detail names the fields at
 * fault.
 */
final class FcmOutcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FcmOutcomes() {
    }

    /** What FCM said about an error, from its JSON body (or the HTTP status when the body is not FCM's). */
    record FcmError(int status, String grpcStatus, Optional<String> errorCode, String message, boolean aboutToken) {

        static FcmError parse(int status, String body) {
            JsonNode error;
            try {
                error = JSON.readTree(body).path("error");
            } catch (JacksonException notJson) {
                return new FcmError(status, "", Optional.empty(), "", false);
            }
            Optional<String> errorCode = Optional.empty();
            boolean aboutToken = false;
            for (JsonNode detail : error.path("details")) {
                String type = detail.path("@type").asString("");
                if (type.endsWith("google.firebase.fcm.v1.FcmError") && detail.hasNonNull("errorCode")) {
                    errorCode = Optional.of(detail.path("errorCode").asString());
                }
                for (JsonNode violation : detail.path("fieldViolations")) {
                    aboutToken |= "message.token".equals(violation.path("field").asString(""));
                }
            }
            String message = error.path("message").asString("");
            aboutToken |= message.toLowerCase().contains("registration token");
            return new FcmError(status, error.path("status").asString(""), errorCode, message, aboutToken);
        }

        /** The most specific name FCM gave the error. */
        String reason() {
            return errorCode.orElse(grpcStatus.isEmpty() ? "HTTP " + status : grpcStatus);
        }

        String code() {
            return errorCode.orElse(grpcStatus);
        }
    }

    static DeliveryOutcome of(int status, String body, Optional<String> retryAfterHeader, Instant now) {
        if (status >= 200 && status < 300) {
            Optional<String> name;
            try {
                name = Optional.ofNullable(JSON.readTree(body).path("name").asString(null));
            } catch (JacksonException notJson) {
                name = Optional.empty();
            }
            return new DeliveryOutcome.Accepted("OK", name);
        }
        FcmError error = FcmError.parse(status, body);
        Optional<Duration> retryAfter = RetryAfter.parse(retryAfterHeader, now);
        String reason = error.reason();
        return switch (error.code()) {
            case "UNREGISTERED" -> new DeliveryOutcome.DeadToken(reason);
            case "INVALID_ARGUMENT" -> error.aboutToken()
                    ? new DeliveryOutcome.DeadToken(reason + ": " + error.message())
                    : new DeliveryOutcome.Rejected(reason + ": " + error.message(), Fault.NOTIFICATION);
            // the token belongs to another Firebase project, or FCM cannot use the app's APNs/Web Push credentials
            case "SENDER_ID_MISMATCH", "THIRD_PARTY_AUTH_ERROR", "UNAUTHENTICATED", "PERMISSION_DENIED" ->
                    new DeliveryOutcome.Rejected(reason, Fault.CREDENTIAL);
            case "QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL" -> new DeliveryOutcome.RetryLater(reason, retryAfter);
            default -> byStatus(status, reason, retryAfter);
        };
    }

    private static DeliveryOutcome byStatus(int status, String reason, Optional<Duration> retryAfter) {
        if (status == 429 || status == 408 || status >= 500) {
            return new DeliveryOutcome.RetryLater(reason, retryAfter);
        }
        if (status == 401 || status == 403 || status == 404) {
            // 404 without UNREGISTERED: the project itself is not found
            return new DeliveryOutcome.Rejected(reason, Fault.CREDENTIAL);
        }
        return new DeliveryOutcome.Rejected(reason, Fault.NOTIFICATION);
    }

    /** A send that got no answer from FCM, or no access token to send with. */
    static DeliveryOutcome ofFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return switch (cause) {
            case FcmAccessTokens.TokenRefused refused ->
                    new DeliveryOutcome.Rejected("Access token refused: " + refused.getMessage(), Fault.CREDENTIAL);
            case FcmAccessTokens.TokenUnavailable unavailable ->
                    new DeliveryOutcome.RetryLater("No access token: " + unavailable.getMessage());
            case HttpTimeoutException timeout -> new DeliveryOutcome.RetryLater("Timeout waiting for FCM");
            default -> new DeliveryOutcome.RetryLater(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        };
    }
}
