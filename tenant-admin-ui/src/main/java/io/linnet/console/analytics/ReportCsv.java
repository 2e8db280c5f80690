package io.linnet.console.analytics;

import io.linnet.analytics.UsageReport;

import java.util.List;

/**
 * Some series of a usage report as CSV, in the analytics API's own format: a header row ({@code start}
 * and each metric's name), a row per point (its start as an ISO-8601 instant), oldest first, and a
 * last row of totals. Only numbers, instants and metric names, so nothing needs quoting and nothing
 * is a formula to a spreadsheet.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    /** {@code series} share their points (one report, one granularity). */
    static String of(List<UsageReport.Series> series) {
        StringBuilder csv = new StringBuilder("start");
        series.forEach(one -> csv.append(',').append(one.metric().key()));
        csv.append("\r\n");
        int points = series.isEmpty() ? 0 : series.getFirst().points().size();
        for (int i = 0; i < points; i++) {
            csv.append(series.getFirst().points().get(i).start());
            for (UsageReport.Series one : series) {
                csv.append(',').append(one.points().get(i).value());
            }
            csv.append("\r\n");
        }
        csv.append("total");
        series.forEach(one -> csv.append(',').append(one.total()));
        return csv.append("\r\n").toString();
    }
}
