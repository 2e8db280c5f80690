package io.linnet.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of one app (or of all of a tenant's apps) over a range: a series per metric, a point
 * per hour or day (every point of the range, zero where nothing happened), and each series' total.
 */
public record UsageReport(Instant from, Instant to, Granularity granularity, List<Series> metrics) {

    public UsageReport {
        metrics = List.copyOf(metrics);
    }

    /**
     * @param total what the whole range comes to: the sum of a counted metric, the highest point of a
     *              peak, and for active users the distinct users over the whole range (not the sum of
     *              the days)
     * @param parts what the total is made of, for a metric counted in parts (API calls by key id; pushes by
     *              provider, failures by {@code provider/reason}); empty otherwise
     */
    public record Series(Metric metric, long total, List<Point> points, Map<String, Long> parts) {

        public Series {
            points = List.copyOf(points);
            parts = Map.copyOf(parts);
        }
    }

    /** The value of the hour or day that starts at {@code start}. */
    public record Point(Instant start, long value) {
    }

    /** The series of {@code metric}, if the report has it. */
    public Optional<Series> series(Metric metric) {
        return metrics.stream().filter(series -> series.metric() == metric).findFirst();
    }

    /** The whole report as CSV: see {@link #csv(List)}. */
    public String csv() {
        return csv(metrics);
    }

    /**
     * Series of one report as CSV, the analytics API's format: a header row ({@code start} and each
     * metric's name), a row per point, oldest first, and a last row of totals. Only numbers, ISO-8601
     * times and metric names, so nothing needs quoting and nothing a spreadsheet would run as a formula.
     */
    public static String csv(List<Series> series) {
        StringBuilder csv = new StringBuilder("start");
        series.forEach(one -> csv.append(',').append(one.metric().key()));
        csv.append("\r\n");
        int points = series.isEmpty() ? 0 : series.getFirst().points().size();
        for (int i = 0; i < points; i++) {
            csv.append(series.getFirst().points().get(i).start());
            for (Series one : series) {
                csv.append(',').append(one.points().get(i).value());
            }
            csv.append("\r\n");
        }
        csv.append("total");
        series.forEach(one -> csv.append(',').append(one.total()));
        return csv.append("\r\n").toString();
    }
}
