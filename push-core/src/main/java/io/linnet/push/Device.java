package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.linnet.messaging.UserId;

import java.time.Instant;

/**
 * A registered device as the API shows it. {@code token} is set for APNs and FCM, {@code subscription} for
 * Web Push, {@code environment} for APNs only. A device the provider reported dead is not {@code valid}:
 * {@code invalidReason} is the provider's word for it ({@code Unregistered}, {@code UNREGISTERED}, {@code 410 Gone}).
 */
public record Device(
        DeviceId id,
        UserId userId,
        PushProvider provider,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token,
        @JsonInclude(JsonInclude.Include.NON_NULL) Subscription subscription,
        @JsonInclude(JsonInclude.Include.NON_NULL) String environment,
        String appVersion,
        String locale,
        boolean valid,
        Instant invalidAt,
        String invalidReason,
        Instant createdAt,
        Instant lastSeenAt) {

    /** A browser's push subscription, as {@code PushSubscription.toJSON()} gives it. */
    public record Subscription(String endpoint, Keys keys) {
    }

    public record Keys(String p256dh, String auth) {
    }
}
