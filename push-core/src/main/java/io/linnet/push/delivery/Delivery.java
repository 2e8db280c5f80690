package io.linnet.push.delivery;

import io.linnet.messaging.UserId;
import io.linnet.push.DeviceId;
import io.linnet.push.PushProvider;

import java.time.Instant;

/**
 * One device's delivery of a push, as {@link DeliveryState} says it stands; {@code reason} is the provider's word on
 * the last attempt ({@code Accepted}, {@code Unregistered}, {@code TooManyRequests}, ...) or why none was made
 * ({@code NoCredential}, {@code DeviceInvalid}, {@code Expired}).
 */
public record Delivery(DeviceId deviceId, UserId userId, PushProvider provider, DeliveryState state, int attempts,
                       String reason, String providerMessageId, Instant updatedAt) {
}
