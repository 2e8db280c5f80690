package io.linnet.push.delivery;

import java.time.Instant;

/**
 * One device's delivery of a push: {@code queued} (waiting, in flight, or to be retried), {@code delivered} (the
 * provider accepted it) or {@code failed}; {@code reason} is the provider's word on the last attempt
 * ({@code Accepted}, {@code Unregistered}, {@code TooManyRequests}, ...) or why none was made
 * ({@code NoCredential}, {@code DeviceInvalid}, {@code Expired}).
 */
public record Delivery(String deviceId, String userId, String provider, String state, int attempts, String reason,
                       String providerMessageId, Instant updatedAt) {
}
