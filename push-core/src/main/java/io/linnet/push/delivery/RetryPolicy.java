package io.linnet.push.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a delivery again: exponential backoff from {@code base}, doubling per attempt up to {@code max},
 * with "equal jitter" (a random point in the upper half of the delay) so that a provider's outage does not come
 * back as a synchronised wave of retries; never sooner than the provider's {@code Retry-After}. Gives up after
 * {@code maxAttempts} sends, or when the next attempt would come after the notification has expired.
 */
record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    /** The next attempt's time, or empty when the delivery should fail now. */
    Optional<Instant> next(int attemptsMade, Optional<Duration> retryAfter, Instant now, Instant expiresAt) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = retryAfter.filter(after -> after.compareTo(jittered(attemptsMade)) > 0)
                .orElseGet(() -> jittered(attemptsMade));
        Instant next = now.plus(delay);
        return next.isBefore(expiresAt) ? Optional.of(next) : Optional.empty();
    }

    /** The backoff after {@code attemptsMade} sends (1 for the first retry), jittered. */
    Duration jittered(int attemptsMade) {
        Duration full = backoff(attemptsMade);
        long half = full.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    Duration backoff(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
