package io.linnet.analytics.report;

import io.linnet.analytics.UsageReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * A {@link UsageReport} as CSV: a header row ({@code start} and each metric's name), then a row per
 * point, oldest first, and a last row of totals. Only numbers, ISO-8601 times and metric names, so
 * nothing needs quoting and nothing a spreadsheet would run as a formula.
 */
final class UsageCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private UsageCsv() {
    }

    static String of(UsageReport report) {
        StringBuilder csv = new StringBuilder("start");
        report.metrics().forEach(series -> csv.append(',').append(series.metric().key()));
        csv.append("\r\n");
        int points = report.metrics().isEmpty() ? 0 : report.metrics().getFirst().points().size();
        for (int i = 0; i < points; i++) {
            csv.append(report.metrics().getFirst().points().get(i).start());
            for (UsageReport.Series series : report.metrics()) {
                csv.append(',').append(series.points().get(i).value());
            }
            csv.append("\r\n");
        }
        csv.append("total");
        report.metrics().forEach(series -> csv.append(',').append(series.total()));
        return csv.append("\r\n").toString();
    }

    /** The report as a download named after what it covers. */
    static ResponseEntity<String> download(String name, UsageReport report) {
        String filename = "%s-%s-%s.csv".formatted(name, report.from().toString().substring(0, 10),
                report.to().toString().substring(0, 10));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(of(report));
    }
}
