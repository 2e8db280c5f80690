package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How close a credential is to its expiry, so the console can warn a month and a week ahead: an
 * expired APNs certificate silently stops every notification of the app.
 */
public enum ExpiryWarning {
    NONE,
    WITHIN_30_DAYS,
    WITHIN_7_DAYS,
    EXPIRED;

    static final Duration FIRST_WARNING = Duration.ofDays(30);
    static final Duration LAST_WARNING = Duration.ofDays(7);

    /** The warning for a credential that expires at {@code expiresAt} (null: never), as of {@code now}. */
    public static ExpiryWarning of(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return NONE;
        }
        if (!now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        Duration left = Duration.between(now, expiresAt);
        if (left.compareTo(LAST_WARNING) <= 0) {
            return WITHIN_7_DAYS;
        }
        return left.compareTo(FIRST_WARNING) <= 0 ? WITHIN_30_DAYS : NONE;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
