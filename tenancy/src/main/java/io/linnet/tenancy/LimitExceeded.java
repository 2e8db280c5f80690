package io.linnet.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A refusal for a limit of the tenant's plan: a rate ({@link ErrorCode#RATE_LIMITED}: try again after
 * {@link #retryAfter()}) or a hard quota ({@link ErrorCode#QUOTA_EXCEEDED}: nothing more until the period
 * resets at {@link #resetsAt()}). The REST API answers 429 with {@code Retry-After}; the WebSocket an
 * {@code error} frame with {@code retryAfterMs}.
 */
public class LimitExceeded extends DomainException {

    private final Duration retryAfter;
    private final Optional<Instant> resetsAt;

    private LimitExceeded(ErrorCode code, String detail, Duration retryAfter, Optional<Instant> resetsAt) {
        super(code, detail);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        this.resetsAt = resetsAt;
    }

    public static LimitExceeded rate(String detail, Duration retryAfter) {
        return new LimitExceeded(ErrorCode.RATE_LIMITED, detail, retryAfter, Optional.empty());
    }

    public static LimitExceeded quota(String detail, Instant resetsAt, Instant now) {
        return new LimitExceeded(ErrorCode.QUOTA_EXCEEDED, detail, Duration.between(now, resetsAt), Optional.of(resetsAt));
    }

    /** How long until the same request could pass. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For a quota: when its period ends and it starts again from zero. */
    public Optional<Instant> resetsAt() {
        return resetsAt;
    }

    /** Whole seconds, rounded up, for an HTTP {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
