package io.linnet.console.audit;

import io.linnet.tenancy.audit.AuditEntry;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit entries as CSV (RFC 4180) for a spreadsheet. Cells are text people typed (names,
 * e-mail addresses, reasons), so a cell that a spreadsheet would read as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe: CSV injection.
 */
final class AuditCsv {

    static final String HEADER = "at,tenant,actor,action,target_type,target_id,target_name,details,source_address";

    private AuditCsv() {
    }

    /** {@code tenantName} names an entry's tenant (for operators' exports; empty for a tenant's own). */
    static String of(List<AuditEntry> entries, Function<AuditEntry, String> tenantName, Function<Map<String, Object>, String> details) {
        return Stream.concat(Stream.of(HEADER), entries.stream().map(entry -> row(
                        DateTimeFormatter.ISO_INSTANT.format(entry.at()), tenantName.apply(entry), entry.actor(), entry.action(),
                        entry.targetType(), entry.targetId(), entry.targetName(), details.apply(entry.details()),
                        entry.sourceAddress())))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String row(String... cells) {
        return Stream.of(cells).map(AuditCsv::cell).collect(Collectors.joining(","));
    }

    /** One cell: defused if a spreadsheet would run it, then quoted if it holds a comma, quote or line break. */
    static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String value = "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
