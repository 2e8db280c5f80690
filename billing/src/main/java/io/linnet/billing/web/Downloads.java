package io.linnet.billing.web;

import io.linnet.billing.Invoice;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** An invoice's PDF or CSV, or the CSV of many, as a download (never shown inline). */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> pdf(Invoice invoice, byte[] pdf) {
        return file(invoice.number() + ".pdf", MediaType.APPLICATION_PDF, pdf);
    }

    static ResponseEntity<byte[]> csv(String name, String csv) {
        return file(name + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8), csv.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
