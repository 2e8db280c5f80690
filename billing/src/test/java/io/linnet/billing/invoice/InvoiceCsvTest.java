package io.linnet.billing.invoice;

import io.linnet.billing.BillableUsage;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceId;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.InvoiceStatus;
import io.linnet.billing.Money;
import io.linnet.billing.Plan;
import io.linnet.billing.Statement;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.linnet.billing.BillableMetric.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

class InvoiceCsvTest {

    private static final BillingPeriod DECEMBER = BillingPeriod.containing(LocalDate.of(2026, 12, 1));
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TenantId TENANT = new TenantId(UUID.fromString("6f1c1a2e-8d4b-4f6e-9a51-0c2b7d3e4f10"));
    private static final Instant CREATED = Instant.parse("2027-01-01T00:05:00Z");
    private static final Instant ISSUED = Instant.parse("2027-01-02T09:30:00Z");
    private static final Instant PAID = Instant.parse("2027-01-20T14:00:00Z");

    @Test
    void an_invoice_is_a_row_per_line_then_its_subtotal_tax_and_total_with_names_quoted_as_rfc_4180_says() {
        Invoice invoice = invoice("Vogel, \"Linnet\" GmbH", upgradeWithOverage(Optional.of(new BigDecimal("19"))));

        assertThat(InvoiceCsv.of(invoice)).isEqualTo("""
                invoice,tenant,period_start,period_end,status,kind,description,quantity,unit_price,amount,currency
                LN-2026-12-0001,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,issued,base,"Free plan, 2026-12-01 to 2026-12-14 (14 of 31 days)",14,0.000000,0.00,EUR
                LN-2026-12-0001,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,issued,base,"Pro plan, 2026-12-15 to 2026-12-31 (17 of 31 days)",17,3.193548,54.29,EUR
                LN-2026-12-0001,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,issued,overage,Messages over the 10000 included (12000 used),2000,0.0005,1.00,EUR
                LN-2026-12-0001,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,issued,tax,Tax 19%,19,55.29,10.51,EUR
                LN-2026-12-0001,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,issued,subtotal,,,,55.29,EUR
                LN-2026-12-0001,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,issued,tax_total,,,,10.51,EUR
                LN-2026-12-0001,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,issued,total,,,,65.80,EUR
                """);
    }

    @Test
    void an_invoice_without_tax_has_no_tax_row() {
        String csv = InvoiceCsv.of(invoice("Linnet GmbH", upgradeWithOverage(Optional.empty())));

        assertThat(csv.lines()).hasSize(6).noneMatch(row -> row.contains("tax"));
        assertThat(csv.lines().toList().getLast()).isEqualTo("LN-2026-12-0001,Linnet GmbH,2026-12-01,2026-12-31,issued,total,,,,55.29,EUR");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe() {
        Plan plan = InvoiceCalculatorTest.plan("@Pro", "99", "EUR", Map.of(), Map.of());
        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(InvoiceCalculatorTest.whole(DECEMBER, plan)),
                BillableUsage.NONE, Optional.empty());

        String csv = InvoiceCsv.of(invoice("=HYPERLINK(\"https://evil.example\",\"Pay here\")", statement));

        assertThat(csv.lines().toList().get(1)).isEqualTo("LN-2026-12-0001,"
                + "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Pay here\"\")\","
                + "2026-12-01,2026-12-31,issued,base,\"'@Pro plan, 2026-12\",1,99,99.00,EUR");
    }

    @Test
    void every_character_that_starts_a_formula_is_defused_and_nothing_else_is() {
        for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd")) {
            assertThat(InvoiceCsv.text(dangerous)).isEqualTo("'" + dangerous);
        }
        for (String harmless : List.of("", "Linnet", "1+1", "'quoted", " =1")) {
            assertThat(InvoiceCsv.text(harmless)).isEqualTo(harmless);
        }
    }

    @Test
    void a_line_break_in_a_name_is_kept_inside_quotes() {
        Invoice invoice = invoice("Linnet\nGmbH", upgradeWithOverage(Optional.empty()));

        assertThat(InvoiceCsv.ofAll(List.of(invoice))).contains(",\"Linnet\nGmbH\",");
        assertThat(InvoiceCsv.quoted("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void negative_amounts_stay_numbers() {
        Money credit = Money.of("-5.00", "EUR");
        Statement refund = new Statement(DECEMBER, EUR,
                List.of(new InvoiceLine(InvoiceLine.Kind.BASE, "-Credit, goodwill", BigDecimal.ONE, credit, credit)),
                credit, Optional.empty(), Money.zero(EUR), credit);
        Invoice invoice = invoice("Linnet GmbH", refund);

        assertThat(InvoiceCsv.of(invoice).lines().toList().get(1)).endsWith(",base,\"'-Credit, goodwill\",1,-5.00,-5.00,EUR");
        assertThat(InvoiceCsv.ofAll(List.of(invoice)).lines().toList().get(1)).contains(",EUR,-5.00,0.00,-5.00,");
    }

    @Test
    void all_invoices_are_a_row_each_with_their_totals_and_dates() {
        Invoice paid = new Invoice(new InvoiceId(UUID.randomUUID()), TENANT, "Vogel, \"Linnet\" GmbH", "LN-2026-12-0001",
                InvoiceStatus.PAID, upgradeWithOverage(Optional.of(new BigDecimal("19"))), CREATED, Optional.of(ISSUED),
                Optional.of(PAID), Optional.empty(), Optional.empty());
        Invoice draft = new Invoice(new InvoiceId(UUID.randomUUID()), TENANT, "=cmd|' /C calc'!A0", "LN-2026-12-0002",
                InvoiceStatus.DRAFT, upgradeWithOverage(Optional.empty()), CREATED, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(InvoiceCsv.ofAll(List.of(paid, draft))).isEqualTo("""
                invoice,tenant_id,tenant,period_start,period_end,status,currency,subtotal,tax,total,issued_at,paid_at,voided_at
                LN-2026-12-0001,6f1c1a2e-8d4b-4f6e-9a51-0c2b7d3e4f10,"Vogel, ""Linnet"" GmbH",2026-12-01,2026-12-31,paid,EUR,55.29,10.51,65.80,2027-01-02T09:30:00Z,2027-01-20T14:00:00Z,
                LN-2026-12-0002,6f1c1a2e-8d4b-4f6e-9a51-0c2b7d3e4f10,'=cmd|' /C calc'!A0,2026-12-01,2026-12-31,draft,EUR,55.29,0.00,55.29,,,
                """);
    }

    @Test
    void no_invoices_are_just_the_header() {
        assertThat(InvoiceCsv.ofAll(List.of())).isEqualTo(
                "invoice,tenant_id,tenant,period_start,period_end,status,currency,subtotal,tax,total,issued_at,paid_at,voided_at\n");
    }

    /** Free until Dec 15, then Pro; 12,000 messages (2,000 over Pro's 10,000). */
    private static Statement upgradeWithOverage(Optional<BigDecimal> taxRatePercent) {
        Plan free = InvoiceCalculatorTest.plan("Free", "0", "EUR", Map.of(MESSAGES, 1_000L), Map.of());
        Plan pro = InvoiceCalculatorTest.plan("Pro", "99", "EUR", Map.of(MESSAGES, 10_000L), Map.of(MESSAGES, new BigDecimal("0.0005")));
        LocalDate upgrade = LocalDate.of(2026, 12, 15);
        return InvoiceCalculator.statement(DECEMBER,
                List.of(new PlanSpan(free, DECEMBER.start(), upgrade), new PlanSpan(pro, upgrade, DECEMBER.end())),
                new BillableUsage(0, 12_000, 0, 0), taxRatePercent);
    }

    private static Invoice invoice(String tenantName, Statement statement) {
        return new Invoice(new InvoiceId(UUID.randomUUID()), TENANT, tenantName, "LN-2026-12-0001", InvoiceStatus.ISSUED,
                statement, CREATED, Optional.of(ISSUED), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
