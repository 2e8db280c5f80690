package io.linnet.analytics.report;

import io.linnet.analytics.UsageReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A {@link UsageReport} as a CSV download ({@link UsageReport#csv()}). */
final class UsageCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private UsageCsv() {
    }

    /** The report as a download named after what it covers. */
    static ResponseEntity<String> download(String name, UsageReport report) {
        String filename = "%s-%s-%s.csv".formatted(name, report.from().toString().substring(0, 10),
                report.to().toString().substring(0, 10));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(report.csv());
    }
}
