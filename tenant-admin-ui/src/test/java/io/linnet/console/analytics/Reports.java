package io.linnet.console.analytics;

import io.linnet.analytics.Granularity;
import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Usage reports as the analytics service answers them, made by hand for the tests. */
final class Reports {

    static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");

    private Reports() {
    }

    /** A series of daily values from March 1st, with the total the service would give (a sum, or the peak). */
    static UsageReport.Series series(Metric metric, Map<String, Long> parts, long... values) {
        List<UsageReport.Point> points = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            points.add(new UsageReport.Point(MARCH_1.plusSeconds(86_400L * i), values[i]));
            total = metric.kind() == Metric.Kind.PEAK ? Math.max(total, values[i]) : total + values[i];
        }
        return new UsageReport.Series(metric, total, points, parts);
    }

    static UsageReport.Series series(Metric metric, long... values) {
        return series(metric, Map.of(), values);
    }

    /** A daily report of {@code days} days with the given series and every other metric at zero. */
    static UsageReport report(int days, UsageReport.Series... given) {
        List<UsageReport.Series> all = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            all.add(java.util.Arrays.stream(given).filter(series -> series.metric() == metric).findFirst()
                    .orElseGet(() -> series(metric, new long[days])));
        }
        return new UsageReport(MARCH_1, MARCH_1.plusSeconds(86_400L * days), Granularity.DAY, all);
    }
}
