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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.linnet.billing.BillableMetric.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

class InvoicePdfTest {

    private static final BillingPeriod DECEMBER = BillingPeriod.containing(LocalDate.of(2026, 12, 1));
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant ISSUED = Instant.parse("2027-01-02T09:30:00Z");

    @Test
    void the_pdf_shows_the_number_tenant_period_status_each_line_and_the_totals_with_the_currency() throws IOException {
        Invoice invoice = invoice("Linnet GmbH", InvoiceStatus.ISSUED, upgradeWithOverageAndTax());

        String text = text(InvoicePdf.render(invoice));

        assertThat(text).contains("Invoice LN-2026-12-0001", "Linnet GmbH", "Period 2026-12-01 to 2026-12-31",
                "Status issued", "Issued 2027-01-02");
        assertThat(invoice.statement().lines()).hasSize(4);
        for (InvoiceLine line : invoice.statement().lines()) {
            assertThat(text).contains(line.description());
            assertThat(text).contains(line.amount().amount().toPlainString());
        }
        assertThat(text).contains("Pro plan, 2026-12-15 to 2026-12-31 (17 of 31 days) 17 3.193548 54.29",
                "Subtotal 55.29 EUR", "Tax 19% 10.51 EUR", "Total 65.80 EUR");
        assertThat(text).doesNotContain("Void");
    }

    @Test
    void characters_the_standard_fonts_cannot_encode_are_shown_as_question_marks() throws IOException {
        Invoice invoice = invoice("鸟 Linnet GmbH\t\u201cZürich\u201d", InvoiceStatus.ISSUED, upgradeWithOverageAndTax());

        String text = text(InvoicePdf.render(invoice));

        assertThat(text).contains("? Linnet GmbH \u201cZürich\u201d").doesNotContain("鸟");
    }

    @Test
    void a_void_invoice_says_so_and_why() throws IOException {
        Invoice invoice = new Invoice(new InvoiceId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), "Linnet GmbH",
                "LN-2026-12-0002", InvoiceStatus.VOID, upgradeWithOverageAndTax(), ISSUED, Optional.of(ISSUED),
                Optional.empty(), Optional.of(Instant.parse("2027-01-05T12:00:00Z")), Optional.of("Billed twice"));

        String text = text(InvoicePdf.render(invoice));

        assertThat(text).contains("Status void", "Voided 2027-01-05", "Void: Billed twice");
    }

    @Test
    void a_draft_without_tax_shows_no_tax_and_no_issue_date() throws IOException {
        Plan pro = InvoiceCalculatorTest.plan("Pro", "99", "EUR", Map.of(), Map.of());
        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(InvoiceCalculatorTest.whole(DECEMBER, pro)),
                BillableUsage.NONE, Optional.empty());

        String text = text(InvoicePdf.render(invoice("Linnet GmbH", InvoiceStatus.DRAFT, statement)));

        assertThat(text).contains("Status draft", "Pro plan, 2026-12 1 99.00 99.00", "Subtotal 99.00 EUR", "Total 99.00 EUR")
                .doesNotContain("Tax", "Issued");
    }

    @Test
    void sixty_lines_take_more_than_one_page_and_every_line_is_on_one() throws IOException {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Money price = new Money(new BigDecimal("1.00").add(BigDecimal.valueOf(i, 2)), EUR);
            lines.add(new InvoiceLine(InvoiceLine.Kind.OVERAGE, "Line %02d of 60".formatted(i), BigDecimal.ONE, price, price));
        }
        Money sum = lines.stream().map(InvoiceLine::amount).reduce(Money.zero(EUR), Money::plus);
        Statement statement = new Statement(DECEMBER, EUR, lines, sum, Optional.empty(), Money.zero(EUR), sum);

        byte[] pdf = InvoicePdf.render(invoice("Linnet GmbH", InvoiceStatus.ISSUED, statement));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        String text = text(pdf);
        for (InvoiceLine line : lines) {
            String amount = line.amount().amount().toPlainString();
            assertThat(text).contains(line.description() + " 1 " + amount + " " + amount);
        }
        assertThat(text).contains("Invoice LN-2026-12-0001 (continued)", "page 2 of", "Total 78.30 EUR");
    }

    @Test
    void a_long_description_is_wrapped_inside_its_column_and_cut_after_three_lines() throws IOException {
        String longName = "WWWWWWWWWW ".repeat(30).trim();
        Plan plan = InvoiceCalculatorTest.plan(longName, "99", "EUR", Map.of(), Map.of());
        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(InvoiceCalculatorTest.whole(DECEMBER, plan)),
                BillableUsage.NONE, Optional.empty());

        byte[] pdf = InvoicePdf.render(invoice("Linnet GmbH", InvoiceStatus.ISSUED, statement));

        List<TextPosition> ws = glyphs(pdf, 'W');
        assertThat(ws).isNotEmpty().allSatisfy(w -> assertThat(w.getXDirAdj() + w.getWidthDirAdj()).isLessThanOrEqualTo(300f));
        assertThat(ws.stream().map(TextPosition::getYDirAdj).distinct()).hasSize(3);
        assertThat(text(pdf)).contains("WWWWWWWWWW...", "Total 99.00 EUR");
    }

    /** Free until Dec 15, then Pro; 12,000 messages (2,000 over Pro's 10,000); 19% tax. */
    private static Statement upgradeWithOverageAndTax() {
        Plan free = InvoiceCalculatorTest.plan("Free", "0", "EUR", Map.of(MESSAGES, 1_000L), Map.of());
        Plan pro = InvoiceCalculatorTest.plan("Pro", "99", "EUR", Map.of(MESSAGES, 10_000L), Map.of(MESSAGES, new BigDecimal("0.0005")));
        LocalDate upgrade = LocalDate.of(2026, 12, 15);
        return InvoiceCalculator.statement(DECEMBER,
                List.of(new PlanSpan(free, DECEMBER.start(), upgrade), new PlanSpan(pro, upgrade, DECEMBER.end())),
                new BillableUsage(0, 12_000, 0, 0), Optional.of(new BigDecimal("19")));
    }

    private static Invoice invoice(String tenantName, InvoiceStatus status, Statement statement) {
        Optional<Instant> issued = status == InvoiceStatus.DRAFT ? Optional.empty() : Optional.of(ISSUED);
        return new Invoice(new InvoiceId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), tenantName, "LN-2026-12-0001",
                status, statement, ISSUED, issued, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The PDF's text, read back row by row, with each run of white space as one space. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Where each {@code character} was drawn, on every page. */
    private static List<TextPosition> glyphs(byte[] pdf, char character) throws IOException {
        List<TextPosition> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.stream().filter(position -> position.getUnicode().equals(String.valueOf(character)))
                            .forEach(found::add);
                }
            };
            stripper.getText(document);
        }
        return found;
    }
}
