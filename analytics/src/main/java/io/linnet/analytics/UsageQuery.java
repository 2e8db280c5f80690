package io.linnet.analytics;

import io.linnet.tenancy.DomainException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a usage report covers: the points from {@code from} (included) to {@code to} (excluded), both
 * on the granularity's boundaries (UTC), and the metrics asked for.
 */
public record UsageQuery(Instant from, Instant to, Granularity granularity, List<Metric> metrics) {

    /** The most points one report may have (over all its metrics' series, each has this many). */
    public static final int MAX_POINTS = 2000;

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    public UsageQuery {
        metrics = List.copyOf(metrics);
    }

    /**
     * Reads a query as the API takes it; every part is optional.
     *
     * @param from        an instant ({@code 2026-12-01T10:00:00Z}) or a UTC day ({@code 2026-12-01}); by
     *                    default 7 days (or 24 hours, per hour) before {@code to}
     * @param to          an instant (excluded) or a UTC day (included: up to its end); by default now
     * @param granularity {@code hour} or {@code day} (the default)
     * @param metrics     metric names, comma-separated; by default every metric the granularity has
     * @throws DomainException (invalid) for an unreadable or empty range, one of more than
     *                         {@link #MAX_POINTS} points, an unknown metric, or active users per hour
     */
    public static UsageQuery parse(String from, String to, String granularity, String metrics, Clock clock) {
        Granularity unit = blank(granularity) ? Granularity.DAY : Granularity.of(granularity);
        Instant end = blank(to) ? clock.instant() : instant("to", to, true);
        Instant start = blank(from)
                ? end.minus(unit == Granularity.DAY ? Duration.ofDays(7) : Duration.ofHours(24))
                : instant("from", from, false);
        return of(start, end, unit, blank(metrics) ? Metric.at(unit) : metrics(metrics));
    }

    /** The points covering {@code from} to {@code to}, widened to the granularity's boundaries. */
    public static UsageQuery of(Instant from, Instant to, Granularity granularity, List<Metric> metrics) {
        if (!from.isBefore(to)) {
            throw DomainException.invalid("from must be before to");
        }
        Instant start = granularity.floor(from);
        Instant end = granularity.ceil(to);
        long points = granularity.points(start, end);
        if (points > MAX_POINTS) {
            throw DomainException.invalid("The range has " + points + " points of a " + granularity.key()
                    + "; at most " + MAX_POINTS + ": shorten it or ask per day");
        }
        for (Metric metric : metrics) {
            if (granularity == Granularity.HOUR && !metric.hourly()) {
                throw DomainException.invalid(metric.key() + " is counted per day: ask for it with granularity=day");
            }
        }
        return new UsageQuery(start, end, granularity, metrics);
    }

    /** The start of every point, in order. */
    public List<Instant> points() {
        List<Instant> points = new ArrayList<>();
        for (Instant point = from; point.isBefore(to); point = granularity.next(point)) {
            points.add(point);
        }
        return points;
    }

    private static List<Metric> metrics(String raw) {
        if (raw.length() > 1000) {
            throw DomainException.invalid("metrics is a comma-separated list of: " + Metric.known());
        }
        Set<Metric> chosen = new LinkedHashSet<>();
        for (String name : raw.split(",", -1)) {
            if (name.isBlank()) {
                throw DomainException.invalid("metrics is a comma-separated list of: " + Metric.known());
            }
            chosen.add(Metric.of(name));
        }
        return List.copyOf(chosen);
    }

    private static Instant instant(String name, String raw, boolean endOfDay) {
        String text = raw.strip();
        if (text.length() > 40) {
            throw DomainException.invalid(name + " must be an instant (2026-12-01T10:00:00Z) or a day (2026-12-01)");
        }
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                instant = Instant.parse(text);
            }
        } catch (DateTimeException | ArithmeticException unreadable) {
            throw DomainException.invalid(name + " must be an instant (2026-12-01T10:00:00Z) or a day (2026-12-01)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw DomainException.invalid(name + " must be between 1970 and 9999");
        }
        return instant;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
