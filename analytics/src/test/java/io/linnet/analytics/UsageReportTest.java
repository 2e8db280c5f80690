package io.linnet.analytics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsageReportTest {

    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void the_csv_is_the_analytics_apis_own_a_header_a_row_per_point_and_the_totals() {
        String csv = UsageReport.csv(List.of(series(Metric.MESSAGES_DIRECT, 4, 0, 5),
                series(Metric.PEAK_CONNECTIONS, 2, 7, 1)));

        assertThat(csv).isEqualTo("""
                start,messages_direct,peak_connections\r
                2026-03-01T00:00:00Z,4,2\r
                2026-03-02T00:00:00Z,0,7\r
                2026-03-03T00:00:00Z,5,1\r
                total,9,7\r
                """);
    }

    @Test
    void without_points_there_are_only_the_header_and_the_totals() {
        assertThat(UsageReport.csv(List.of(series(Metric.API_CALLS)))).isEqualTo("start,api_calls\r\ntotal,0\r\n");
    }

    /** A daily series from March 1st, its total as the metric's kind adds up. */
    private static UsageReport.Series series(Metric metric, long... values) {
        List<UsageReport.Point> points = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            points.add(new UsageReport.Point(MARCH_1.plusSeconds(86_400L * i), values[i]));
            total = metric.kind() == Metric.Kind.PEAK ? Math.max(total, values[i]) : total + values[i];
        }
        return new UsageReport.Series(metric, total, points, Map.of());
    }
}
