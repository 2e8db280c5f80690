package io.linnet.billing.invoice;

import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.Money;
import io.linnet.billing.Statement;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Invoices as CSV for accounting: one invoice's lines ({@link #of}) or one row per invoice
 * ({@link #ofAll}). RFC 4180 quoting, LF line ends, amounts as plain decimals in the invoice's currency,
 * dates ISO-8601 and {@code period_end} the period's last day (as the PDF shows it, not the exclusive end).
 * <p>
 * Tenant names and plan names are typed by people, and a spreadsheet runs a cell starting with
 * {@code =}, {@code +}, {@code -} or {@code @} as a formula: such a text field gets a leading apostrophe.
 * Numbers are written as they are, so a negative amount stays a number.
 */
public final class InvoiceCsv {

    private static final String LINES_HEADER =
            "invoice,tenant,period_start,period_end,status,kind,description,quantity,unit_price,amount,currency";
    private static final String INVOICES_HEADER =
            "invoice,tenant_id,tenant,period_start,period_end,status,currency,subtotal,tax,total,issued_at,paid_at,voided_at";

    private InvoiceCsv() {
    }

    /** One row per line of the invoice, then its subtotal, its tax (if it has any) and its total. */
    public static String of(Invoice invoice) {
        Statement statement = invoice.statement();
        StringBuilder csv = new StringBuilder(LINES_HEADER).append('\n');
        for (InvoiceLine line : statement.lines()) {
            row(csv, invoice, line.kind().name().toLowerCase(Locale.ROOT), text(line.description()),
                    line.quantity().toPlainString(), number(line.unitPrice()), number(line.amount()));
        }
        row(csv, invoice, "subtotal", "", "", "", number(statement.subtotal()));
        if (statement.taxRatePercent().isPresent()) {
            row(csv, invoice, "tax_total", "", "", "", number(statement.tax()));
        }
        row(csv, invoice, "total", "", "", "", number(statement.total()));
        return csv.toString();
    }

    /** One row per invoice, in the order given. */
    public static String ofAll(List<Invoice> invoices) {
        StringBuilder csv = new StringBuilder(INVOICES_HEADER).append('\n');
        for (Invoice invoice : invoices) {
            Statement statement = invoice.statement();
            csv.append(fields(text(invoice.number()), invoice.tenantId().toString(), text(invoice.tenantName()),
                    statement.period().start().toString(), statement.period().end().minusDays(1).toString(),
                    invoice.status().wireName(), statement.currency().getCurrencyCode(), number(statement.subtotal()),
                    number(statement.tax()), number(statement.total()), instant(invoice.issuedAt()),
                    instant(invoice.paidAt()), instant(invoice.voidedAt()))).append('\n');
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Invoice invoice, String kind, String description, String quantity,
                            String unitPrice, String amount) {
        Statement statement = invoice.statement();
        csv.append(fields(text(invoice.number()), text(invoice.tenantName()), statement.period().start().toString(),
                statement.period().end().minusDays(1).toString(), invoice.status().wireName(), kind, description,
                quantity, unitPrice, amount, statement.currency().getCurrencyCode())).append('\n');
    }

    private static String fields(String... fields) {
        return Stream.of(fields).map(InvoiceCsv::quoted).collect(Collectors.joining(","));
    }

    /**
     * A field people typed, defused: a leading apostrophe before what a spreadsheet would run as a
     * formula (OWASP's list: {@code = + - @}, tab and carriage return).
     */
    public static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** RFC 4180: a field with a comma, a quote or a line break in double quotes, its quotes doubled. */
    public static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String number(Money money) {
        return money.amount().toPlainString();
    }

    private static String instant(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }
}
