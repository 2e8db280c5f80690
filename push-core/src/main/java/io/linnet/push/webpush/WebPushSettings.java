package io.linnet.push.webpush;

import java.time.Duration;
import java.util.Objects;

/**
 * How Web Push senders connect. There is no endpoint to configure: each subscription names its push service.
 *
 * @param maxInFlight        requests awaiting a push service's answer per sender; a send waits beyond that
 * @param connectTimeout     for establishing a connection
 * @param requestTimeout     from sending a message to the push service's answer; past it the send is to be retried
 * @param defaultTimeToLive  the {@code TTL} of a notification that has no expiry
 * @param vapidTokenLifetime how long a VAPID JWT is valid (RFC 8292 allows at most 24 hours); one is reused per push
 *                           service for half that time
 */
public record WebPushSettings(int maxInFlight, Duration connectTimeout, Duration requestTimeout,
                              Duration defaultTimeToLive, Duration vapidTokenLifetime) {

    public WebPushSettings {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(defaultTimeToLive, "defaultTimeToLive");
        if (vapidTokenLifetime.compareTo(Duration.ofMinutes(10)) < 0 || vapidTokenLifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("A VAPID token lives between 10 minutes and 24 hours");
        }
    }

    public static WebPushSettings defaults() {
        return new WebPushSettings(500, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofDays(1),
                Duration.ofHours(12));
    }

    public WebPushSettings withMaxInFlight(int maxInFlight) {
        return new WebPushSettings(maxInFlight, connectTimeout, requestTimeout, defaultTimeToLive, vapidTokenLifetime);
    }
}
