package io.linnet.console.analytics;

import io.linnet.analytics.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCsvTest {

    @Test
    void the_csv_is_the_analytics_apis_own_a_header_a_row_per_point_and_the_totals() {
        String csv = ReportCsv.of(List.of(Reports.series(Metric.MESSAGES_DIRECT, 4, 0, 5),
                Reports.series(Metric.PEAK_CONNECTIONS, 2, 7, 1)));

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
        assertThat(ReportCsv.of(List.of(Reports.series(Metric.API_CALLS)))).isEqualTo("start,api_calls\r\ntotal,0\r\n");
    }
}
