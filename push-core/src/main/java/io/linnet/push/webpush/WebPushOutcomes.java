package io.linnet.push.webpush;

import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.RetryAfter;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Push service answers (RFC 8030, RFC 8292) as {@link DeliveryOutcome}s; the reason is the HTTP status. */
final class WebPushOutcomes {

    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(410, "Gone"), Map.entry(413, "Payload Too Large"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private WebPushOutcomes() {
    }

    static DeliveryOutcome of(int status, Optional<String> location, Optional<String> retryAfter, Instant now) {
        String reason = status + (PHRASES.containsKey(status) ? " " + PHRASES.get(status) : "");
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Accepted(reason, location);
        }
        return switch (status) {
            // the subscription expired or was withdrawn by the user
            case 404, 410 -> new DeliveryOutcome.DeadToken(reason);
            // the VAPID signature is refused, or the subscription was made with another application server key
            case 401, 403 -> new DeliveryOutcome.Rejected(reason, Fault.CREDENTIAL);
            case 429, 408 -> new DeliveryOutcome.RetryLater(reason, RetryAfter.parse(retryAfter, now));
            default -> status >= 500
                    ? new DeliveryOutcome.RetryLater(reason, RetryAfter.parse(retryAfter, now))
                    : new DeliveryOutcome.Rejected(reason, Fault.NOTIFICATION);
        };
    }
}
