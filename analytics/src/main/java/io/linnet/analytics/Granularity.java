package io.linnet.analytics;

import io.linnet.tenancy.DomainException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The width of a report's points: UTC hours or UTC days. */
public enum Granularity {
    HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Granularity(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The start of the point {@code instant} falls in. */
    public Instant floor(Instant instant) {
        return instant.truncatedTo(unit);
    }

    /** The start of the point after the one that starts at {@code start}. */
    public Instant next(Instant start) {
        return start.plus(1, unit);
    }

    /** How many points from {@code from} (a point's start) up to {@code to} (excluded). */
    public long points(Instant from, Instant to) {
        return unit.between(from, ceil(to));
    }

    /** {@code instant} if a point starts there, else the start of the next point. */
    public Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : next(floor);
    }

    public String key() {
        return name().toLowerCase();
    }

    public static Granularity of(String raw) {
        for (Granularity granularity : values()) {
            if (granularity.key().equalsIgnoreCase(raw.trim())) {
                return granularity;
            }
        }
        throw DomainException.invalid("granularity must be hour or day");
    }
}
