package io.linnet.console.audit;

import io.linnet.tenancy.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("ada@example.com")).as("an @ inside is harmless").isEqualTo("ada@example.com");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertThat(AuditCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void the_export_has_a_header_and_one_row_per_entry() {
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), null, Instant.parse("2026-12-06T10:15:30Z"), "ada@example.com",
                "app.created", "app", "0193a1b2-0000-7000-8000-000000000001", "ledger", Map.of("name", "ledger"), "::1");
        String csv = AuditCsv.of(List.of(entry), any -> "", details -> "{\"name\":\"ledger\"}");
        assertThat(csv.split("\r\n")).containsExactly(AuditCsv.HEADER,
                "2026-12-06T10:15:30Z,,ada@example.com,app.created,app,0193a1b2-0000-7000-8000-000000000001,ledger,"
                        + "\"{\"\"name\"\":\"\"ledger\"\"}\",::1");
    }
}
