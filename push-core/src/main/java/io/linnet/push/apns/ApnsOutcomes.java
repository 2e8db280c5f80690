package io.linnet.push.apns;

import com.eatthepath.pushy.apns.PushNotificationResponse;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * APNs answers as {@link DeliveryOutcome}s. The reasons are Apple's, from "Handling notification responses from
 * APNs".
 */
final class ApnsOutcomes {

    /** The token is gone (410) or not a token of this environment: the device is to be invalidated. */
    private static final Set<String> DEAD_TOKEN = Set.of("Unregistered", "ExpiredToken", "BadDeviceToken",
            "MissingDeviceToken");

    /** Worth sending again: rate limits and APNs trouble. */
    private static final Set<String> RETRY = Set.of("TooManyRequests", "TooManyProviderTokenUpdates",
            "InternalServerError", "ServiceUnavailable", "Shutdown", "IdleTimeout");

    /**
     * Every send with this credential fails the same way. {@code DeviceTokenNotForTopic} is here rather than under
     * dead tokens: a wrong topic in the credential produces it for every device, and would otherwise invalidate
     * all of the app's devices at once.
     */
    private static final Set<String> CREDENTIAL = Set.of("BadCertificate", "BadCertificateEnvironment",
            "Forbidden", "InvalidProviderToken", "MissingProviderToken", "DeviceTokenNotForTopic",
            "TopicDisallowed", "BadTopic", "MissingTopic", "BadPath");

    private ApnsOutcomes() {
    }

    static DeliveryOutcome of(PushNotificationResponse<?> response) {
        if (response.isAccepted()) {
            Optional<String> id = response.getApnsUniqueId().or(() -> Optional.ofNullable(response.getApnsId()))
                    .map(UUID::toString);
            return new DeliveryOutcome.Accepted("Accepted", id);
        }
        int status = response.getStatusCode();
        String reason = response.getRejectionReason().orElse("HTTP " + status);
        if (DEAD_TOKEN.contains(reason) || status == 410) {
            return new DeliveryOutcome.DeadToken(reason);
        }
        if ("ExpiredProviderToken".equals(reason)) {
            // Pushy signs a new provider token for the next send; the app's other credential may send this one now
            return DeliveryOutcome.RetryLater.credential(reason);
        }
        if (RETRY.contains(reason) || status == 429 || status >= 500) {
            return new DeliveryOutcome.RetryLater(reason);
        }
        if (CREDENTIAL.contains(reason) || status == 403) {
            return new DeliveryOutcome.Rejected(reason, Fault.CREDENTIAL);
        }
        return new DeliveryOutcome.Rejected(reason, Fault.NOTIFICATION);
    }

    /** A send that got no answer: no connection, a broken one, a closed client, a timeout. */
    static DeliveryOutcome ofFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return new DeliveryOutcome.RetryLater("Timeout waiting for APNs");
        }
        String message = cause.getMessage();
        return new DeliveryOutcome.RetryLater(cause.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message));
    }
}
