package io.linnet.console.analytics;

import io.linnet.analytics.Granularity;
import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The UTC days a page of numbers covers ({@code from} and {@code to} both included), and whether it
 * shows them per hour or per day. Per hour only for ranges of up to {@link #MAX_HOURLY_DAYS} days
 * (a longer range has too many points to read); ranges are at most {@link #MAX_DAYS} days long and end
 * today at the latest. It also lives in the page's address ({@code ?range=30d}, {@code ?range=custom&from=&to=},
 * {@code &per=hour}), so a view can be linked to and reloaded.
 */
record UsageRange(Choice choice, LocalDate from, LocalDate to, Granularity granularity) {

    static final int MAX_HOURLY_DAYS = 7;
    static final int MAX_DAYS = 731;

    /** The ranges offered, and a custom one. */
    enum Choice {
        TODAY("today", "Today", 1),
        LAST_7_DAYS("7d", "Last 7 days", 7),
        LAST_30_DAYS("30d", "Last 30 days", 30),
        LAST_90_DAYS("90d", "Last 90 days", 90),
        CUSTOM("custom", "Custom range", 0);

        private final String key;
        private final String label;
        private final int days;

        Choice(String key, String label, int days) {
            this.key = key;
            this.label = label;
            this.days = days;
        }

        String key() {
            return key;
        }

        String label() {
            return label;
        }

        static Optional<Choice> of(String key) {
            for (Choice choice : values()) {
                if (choice.key.equals(key)) {
                    return Optional.of(choice);
                }
            }
            return Optional.empty();
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

    UsageRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (granularity == Granularity.HOUR && days(from, to) > MAX_HOURLY_DAYS) {
            granularity = Granularity.DAY;
        }
    }

    /**
     * One of the offered ranges, ending today; the range of a day is per hour, the others per day
     * unless {@code per} asks for hours and the range allows it.
     */
    static UsageRange of(Choice choice, LocalDate today, Optional<Granularity> per) {
        if (choice == Choice.CUSTOM) {
            throw new IllegalArgumentException("a custom range has its own days");
        }
        return new UsageRange(choice, today.minusDays(choice.days - 1L), today,
                per.orElse(choice == Choice.TODAY ? Granularity.HOUR : Granularity.DAY));
    }

    /** The default: the last 7 days, per day. */
    static UsageRange standard(LocalDate today) {
        return of(Choice.LAST_7_DAYS, today, Optional.empty());
    }

    /** What is wrong with a custom range from {@code from} to {@code to}, said of the field to fix; empty when it is fine. */
    static Optional<Problem> problem(LocalDate from, LocalDate to, LocalDate today) {
        if (from == null) {
            return Optional.of(new Problem(Field.FROM, "Pick the first day"));
        }
        if (to == null) {
            return Optional.of(new Problem(Field.TO, "Pick the last day"));
        }
        if (from.isAfter(today)) {
            return Optional.of(new Problem(Field.FROM, "The first day cannot be after today"));
        }
        if (to.isAfter(today)) {
            return Optional.of(new Problem(Field.TO, "The last day cannot be after today"));
        }
        if (from.isAfter(to)) {
            return Optional.of(new Problem(Field.TO, "The last day must be on or after the first day"));
        }
        if (days(from, to) > MAX_DAYS) {
            return Optional.of(new Problem(Field.FROM, "A range is at most " + MAX_DAYS + " days"));
        }
        return Optional.empty();
    }

    enum Field { FROM, TO }

    /** A refusal, said beside the field it concerns. */
    record Problem(Field field, String message) {
    }

    /** A custom range; refused (IllegalArgumentException) when {@link #problem} finds one. */
    static UsageRange custom(LocalDate from, LocalDate to, LocalDate today, Granularity per) {
        problem(from, to, today).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
        return new UsageRange(Choice.CUSTOM, from, to, per);
    }

    /** How many days it covers. */
    long days() {
        return days(from, to);
    }

    /** Whether it may be shown per hour. */
    boolean hourlyAllowed() {
        return days() <= MAX_HOURLY_DAYS;
    }

    UsageRange per(Granularity per) {
        return new UsageRange(choice, from, to, per);
    }

    /**
     * The query for {@code metrics} at this range's granularity. Per hour, it ends with the current
     * hour rather than at midnight, so today's future hours are not drawn as zeros.
     */
    UsageQuery query(List<Metric> metrics, Instant now) {
        return query(granularity, metrics, now);
    }

    /** The same days per day, for what is counted per day only (active users). */
    UsageQuery daily(List<Metric> metrics, Instant now) {
        return query(Granularity.DAY, metrics, now);
    }

    private UsageQuery query(Granularity unit, List<Metric> metrics, Instant now) {
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (unit == Granularity.HOUR) {
            Instant thisHourEnds = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            if (thisHourEnds.isAfter(start) && thisHourEnds.isBefore(end)) {
                end = thisHourEnds;
            }
        }
        return UsageQuery.of(start, end, unit, metrics);
    }

    /** The range in words, e.g. "Mar 1, 2026 to Mar 7, 2026 (UTC)". */
    String describe() {
        return from.equals(to) ? DAY.format(from) + " (UTC)" : DAY.format(from) + " to " + DAY.format(to) + " (UTC)";
    }

    /** For file names: "2026-03-01_2026-03-07". */
    String fileSuffix() {
        return from + "_" + to;
    }

    /** The range as the page's query parameters. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("range", choice.key());
        if (choice == Choice.CUSTOM) {
            parameters.put("from", from.toString());
            parameters.put("to", to.toString());
        }
        parameters.put("per", granularity.key());
        return parameters;
    }

    /** The range a page's query parameters name; anything missing or unreadable is the default. */
    static UsageRange fromParameters(Map<String, List<String>> parameters, LocalDate today) {
        Optional<Granularity> per = first(parameters, "per").flatMap(UsageRange::granularity);
        Optional<Choice> choice = first(parameters, "range").flatMap(Choice::of);
        if (choice.isEmpty()) {
            return standard(today);
        }
        if (choice.get() != Choice.CUSTOM) {
            return of(choice.get(), today, per);
        }
        Optional<LocalDate> from = first(parameters, "from").flatMap(UsageRange::day);
        Optional<LocalDate> to = first(parameters, "to").flatMap(UsageRange::day);
        if (from.isEmpty() || to.isEmpty() || problem(from.get(), to.get(), today).isPresent()) {
            return standard(today);
        }
        return new UsageRange(Choice.CUSTOM, from.get(), to.get(), per.orElse(Granularity.DAY));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Optional<Granularity> granularity(String raw) {
        return switch (raw) {
            case "hour" -> Optional.of(Granularity.HOUR);
            case "day" -> Optional.of(Granularity.DAY);
            default -> Optional.empty();
        };
    }

    private static Optional<LocalDate> day(String raw) {
        try {
            return Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
