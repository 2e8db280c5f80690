package io.linnet.billing.invoice;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillableUsage;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.Money;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanId;
import io.linnet.billing.PlanLimits;
import io.linnet.billing.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.linnet.billing.BillableMetric.ACTIVE_USERS;
import static io.linnet.billing.BillableMetric.MESSAGES;
import static io.linnet.billing.BillableMetric.PUSHES;
import static io.linnet.billing.BillableMetric.STORAGE_GB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InvoiceCalculatorTest {

    private static final BillingPeriod DECEMBER = BillingPeriod.containing(LocalDate.of(2026, 12, 1));
    private static final BillingPeriod NOVEMBER = BillingPeriod.containing(LocalDate.of(2026, 11, 1));

    private static final Plan FREE = plan("Free", "0", "EUR", Map.of(MESSAGES, 1_000L), Map.of());
    private static final Plan PRO = plan("Pro", "99", "EUR", Map.of(MESSAGES, 10_000L), Map.of(MESSAGES, new BigDecimal("0.0005")));

    @Test
    void without_usage_a_whole_period_costs_the_monthly_price_alone() {
        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, PRO)), BillableUsage.NONE, Optional.empty());

        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(InvoiceLine.Kind.BASE);
            assertThat(line.description()).isEqualTo("Pro plan, 2026-12");
            assertThat(line.quantity()).isEqualTo(BigDecimal.ONE);
            assertThat(line.unitPrice()).isEqualTo(Money.of("99", "EUR"));
            assertThat(line.amount()).isEqualTo(Money.of("99.00", "EUR"));
        });
        assertThat(statement.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(statement.subtotal()).isEqualTo(Money.of("99.00", "EUR"));
        assertThat(statement.taxRatePercent()).isEmpty();
        assertThat(statement.tax()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(statement.total()).isEqualTo(Money.of("99.00", "EUR"));
    }

    @Test
    void usage_of_exactly_what_is_included_has_no_overage_line() {
        BillableUsage atTheQuota = new BillableUsage(0, 10_000, 0, 0);

        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, PRO)), atTheQuota, Optional.empty());

        assertThat(statement.lines()).extracting(InvoiceLine::kind).containsExactly(InvoiceLine.Kind.BASE);
        assertThat(statement.total()).isEqualTo(Money.of("99.00", "EUR"));
    }

    /** 0.015 and 0.035 round up to the even cent, 0.005, 0.025 and 0.045 down to it; below half always down. */
    @ParameterizedTest(name = "{0} messages over at 0.0005 = {1}, charged {2}")
    @CsvSource({
            "3,  0.0015, 0.00",
            "5,  0.0025, 0.00",
            "7,  0.0035, 0.00",
            "10, 0.005,  0.00",
            "30, 0.015,  0.02",
            "50, 0.025,  0.02",
            "70, 0.035,  0.04",
            "90, 0.045,  0.04",
    })
    void an_overage_is_rounded_half_even_to_the_cent(long over, String exact, String charged) {
        Plan metered = plan("Metered", "0", "EUR", Map.of(MESSAGES, 10_000L), Map.of(MESSAGES, new BigDecimal("0.0005")));
        BillableUsage usage = new BillableUsage(0, 10_000 + over, 0, 0);

        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, metered)), usage, Optional.empty());

        InvoiceLine overage = statement.lines().getLast();
        assertThat(overage.kind()).isEqualTo(InvoiceLine.Kind.OVERAGE);
        assertThat(overage.description()).isEqualTo("Messages over the 10000 included (" + (10_000 + over) + " used)");
        assertThat(overage.quantity()).isEqualTo(BigDecimal.valueOf(over));
        assertThat(overage.unitPrice()).isEqualTo(Money.of("0.0005", "EUR"));
        assertThat(overage.quantity().multiply(overage.unitPrice().amount())).isEqualByComparingTo(exact);
        assertThat(overage.amount()).isEqualTo(Money.of(charged, "EUR"));
        assertThat(statement.total()).isEqualTo(Money.of(charged, "EUR"));
    }

    @Test
    void an_upgrade_mid_period_prorates_both_plans_by_days_and_the_new_plan_prices_the_overage() {
        LocalDate upgrade = LocalDate.of(2026, 12, 15);
        BillableUsage usage = new BillableUsage(0, 12_000, 0, 0);

        Statement statement = InvoiceCalculator.statement(DECEMBER,
                List.of(new PlanSpan(FREE, DECEMBER.start(), upgrade), new PlanSpan(PRO, upgrade, DECEMBER.end())),
                usage, Optional.empty());

        assertThat(statement.lines()).hasSize(3);
        InvoiceLine free = statement.lines().get(0);
        assertThat(free.description()).isEqualTo("Free plan, 2026-12-01 to 2026-12-14 (14 of 31 days)");
        assertThat(free.quantity()).isEqualTo(BigDecimal.valueOf(14));
        assertThat(free.amount()).isEqualTo(Money.of("0.00", "EUR"));
        InvoiceLine pro = statement.lines().get(1);
        assertThat(pro.kind()).isEqualTo(InvoiceLine.Kind.BASE);
        assertThat(pro.description()).isEqualTo("Pro plan, 2026-12-15 to 2026-12-31 (17 of 31 days)");
        assertThat(pro.quantity()).isEqualTo(BigDecimal.valueOf(17));
        assertThat(pro.unitPrice()).isEqualTo(Money.of("3.193548", "EUR"));
        assertThat(pro.amount()).isEqualTo(Money.of("54.29", "EUR"));
        InvoiceLine overage = statement.lines().get(2);
        assertThat(overage.description()).isEqualTo("Messages over the 10000 included (12000 used)");
        assertThat(overage.amount()).isEqualTo(Money.of("1.00", "EUR"));
        assertThat(statement.subtotal()).isEqualTo(Money.of("55.29", "EUR"));
        assertThat(statement.total()).isEqualTo(Money.of("55.29", "EUR"));
    }

    @Test
    void a_downgrade_mid_period_prorates_both_plans_and_a_plan_without_overage_prices_charges_none() {
        LocalDate downgrade = LocalDate.of(2026, 12, 20);
        BillableUsage wellOverFreesQuota = new BillableUsage(0, 50_000, 0, 0);

        Statement statement = InvoiceCalculator.statement(DECEMBER,
                List.of(new PlanSpan(PRO, DECEMBER.start(), downgrade), new PlanSpan(FREE, downgrade, DECEMBER.end())),
                wellOverFreesQuota, Optional.empty());

        assertThat(statement.lines()).extracting(InvoiceLine::description).containsExactly(
                "Pro plan, 2026-12-01 to 2026-12-19 (19 of 31 days)",
                "Free plan, 2026-12-20 to 2026-12-31 (12 of 31 days)");
        // 99 x 19 / 31 = 60.677419...
        assertThat(statement.lines().get(0).amount()).isEqualTo(Money.of("60.68", "EUR"));
        assertThat(statement.lines().get(1).amount()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(statement.total()).isEqualTo(Money.of("60.68", "EUR"));
    }

    @Test
    void a_statement_is_in_its_plans_currency_rounded_to_that_currencys_minor_unit() {
        Plan dollars = plan("Starter", "29", "USD", Map.of(), Map.of());
        Plan yen = plan("Basic", "1000", "JPY", Map.of(), Map.of());

        Statement inDollars = InvoiceCalculator.statement(NOVEMBER,
                List.of(new PlanSpan(dollars, NOVEMBER.start(), LocalDate.of(2026, 11, 11))), BillableUsage.NONE, Optional.empty());
        Statement inYen = InvoiceCalculator.statement(NOVEMBER,
                List.of(new PlanSpan(yen, LocalDate.of(2026, 11, 21), NOVEMBER.end())), BillableUsage.NONE,
                Optional.of(BigDecimal.TEN));

        // 29 x 10 / 30 = 9.666...
        assertThat(inDollars.lines().getFirst().amount()).isEqualTo(Money.of("9.67", "USD"));
        assertThat(inDollars.total()).isEqualTo(Money.of("9.67", "USD"));
        // 1,000 x 10 / 30 = 333.33...; yen have no minor unit
        assertThat(inYen.lines().getFirst().description()).isEqualTo("Basic plan, 2026-11-21 to 2026-11-30 (10 of 30 days)");
        assertThat(inYen.lines().getFirst().amount()).isEqualTo(Money.of("333", "JPY"));
        assertThat(inYen.subtotal()).isEqualTo(Money.of("333", "JPY"));
        // 10% of 333 = 33.3
        assertThat(inYen.tax()).isEqualTo(Money.of("33", "JPY"));
        assertThat(inYen.total()).isEqualTo(Money.of("366", "JPY"));
    }

    @Test
    void tax_is_a_last_line_on_the_subtotal_and_adds_to_the_total() {
        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, PRO)), BillableUsage.NONE,
                Optional.of(new BigDecimal("19.00")));

        InvoiceLine tax = statement.lines().getLast();
        assertThat(tax.kind()).isEqualTo(InvoiceLine.Kind.TAX);
        assertThat(tax.description()).isEqualTo("Tax 19%");
        assertThat(tax.quantity()).isEqualTo(new BigDecimal("19"));
        assertThat(tax.unitPrice()).isEqualTo(Money.of("99.00", "EUR"));
        assertThat(tax.amount()).isEqualTo(Money.of("18.81", "EUR"));
        assertThat(statement.subtotal()).isEqualTo(Money.of("99.00", "EUR"));
        assertThat(statement.taxRatePercent()).hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("19"));
        assertThat(statement.tax()).isEqualTo(Money.of("18.81", "EUR"));
        assertThat(statement.total()).isEqualTo(Money.of("117.81", "EUR"));
    }

    /** 7.5% of 177.80 is 13.335 (up to the even 13.34), of 178.20 is 13.365 (down to the even 13.36). */
    @ParameterizedTest(name = "7.5% of {0} = {1}")
    @CsvSource({"177.80, 13.34, 191.14", "178.20, 13.36, 191.56"})
    void a_fractional_tax_rate_is_rounded_half_even(String price, String tax, String total) {
        Plan plan = plan("Team", price, "EUR", Map.of(), Map.of());

        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, plan)), BillableUsage.NONE,
                Optional.of(new BigDecimal("7.50")));

        assertThat(statement.lines().getLast().description()).isEqualTo("Tax 7.5%");
        assertThat(statement.lines().getLast().quantity()).isEqualTo(new BigDecimal("7.5"));
        assertThat(statement.tax()).isEqualTo(Money.of(tax, "EUR"));
        assertThat(statement.total()).isEqualTo(Money.of(total, "EUR"));
    }

    @Test
    void storage_is_priced_per_gigabyte_of_stored_bytes_and_shown_to_three_decimals() {
        Plan plan = plan("Pro", "0", "EUR", Map.of(STORAGE_GB, 5L), Map.of(STORAGE_GB, new BigDecimal("0.20")));
        BillableUsage usage = new BillableUsage(0, 0, 0, 7_512_345_678L);

        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, plan)), usage, Optional.empty());

        InvoiceLine storage = statement.lines().getLast();
        assertThat(storage.description()).isEqualTo("Stored GB over the 5 included (7.512 used)");
        assertThat(storage.quantity()).isEqualTo(new BigDecimal("2.512345678"));
        // 2.512345678 x 0.20 = 0.5024691356
        assertThat(storage.amount()).isEqualTo(Money.of("0.50", "EUR"));
    }

    @Test
    void whole_gigabytes_show_without_decimals() {
        Plan plan = plan("Pro", "0", "EUR", Map.of(STORAGE_GB, 5L), Map.of(STORAGE_GB, new BigDecimal("0.20")));

        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, plan)),
                new BillableUsage(0, 0, 0, 105_000_000_000L), Optional.empty());

        InvoiceLine storage = statement.lines().getLast();
        assertThat(storage.description()).isEqualTo("Stored GB over the 5 included (105 used)");
        assertThat(storage.quantity()).isEqualTo(new BigDecimal("100"));
        assertThat(storage.amount()).isEqualTo(Money.of("20.00", "EUR"));
    }

    @Test
    void overage_lines_follow_the_order_of_the_metrics() {
        Map<BillableMetric, BigDecimal> prices = Map.of(ACTIVE_USERS, new BigDecimal("0.01"), MESSAGES, new BigDecimal("0.001"),
                PUSHES, new BigDecimal("0.0001"), STORAGE_GB, new BigDecimal("0.5"));
        Plan plan = plan("Scale", "10", "EUR", Map.of(), prices);

        Statement statement = InvoiceCalculator.statement(DECEMBER, List.of(whole(DECEMBER, plan)),
                new BillableUsage(100, 1_000, 10_000, 2_000_000_000L), Optional.empty());

        assertThat(statement.lines()).extracting(InvoiceLine::description).containsExactly(
                "Scale plan, 2026-12",
                "Monthly active users over the 0 included (100 used)",
                "Messages over the 0 included (1000 used)",
                "Pushes over the 0 included (10000 used)",
                "Stored GB over the 0 included (2 used)");
        assertThat(statement.subtotal()).isEqualTo(Money.of("14.00", "EUR"));
    }

    @Test
    void a_span_of_no_days_has_no_line_but_its_plan_still_prices_the_overage() {
        LocalDate today = LocalDate.of(2026, 12, 10);

        Statement estimate = InvoiceCalculator.statement(DECEMBER,
                List.of(new PlanSpan(FREE, DECEMBER.start(), today), new PlanSpan(PRO, today, today)),
                new BillableUsage(0, 10_002, 0, 0), Optional.empty());

        assertThat(estimate.lines()).extracting(InvoiceLine::description).containsExactly(
                "Free plan, 2026-12-01 to 2026-12-09 (9 of 31 days)",
                "Messages over the 10000 included (10002 used)");
    }

    @Test
    void spans_of_two_currencies_are_refused() {
        Plan dollars = plan("Pro", "99", "USD", Map.of(), Map.of());
        LocalDate change = LocalDate.of(2026, 12, 15);

        assertThatIllegalArgumentException().isThrownBy(() -> InvoiceCalculator.statement(DECEMBER,
                        List.of(new PlanSpan(FREE, DECEMBER.start(), change), new PlanSpan(dollars, change, DECEMBER.end())),
                        BillableUsage.NONE, Optional.empty()))
                .withMessageContaining("one currency");
    }

    @Test
    void a_statement_without_spans_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                InvoiceCalculator.statement(DECEMBER, List.of(), BillableUsage.NONE, Optional.empty()));
    }

    @Test
    void spans_out_of_order_with_a_gap_or_outside_the_period_are_refused() {
        LocalDate mid = LocalDate.of(2026, 12, 15);
        List<List<PlanSpan>> wrong = List.of(
                List.of(new PlanSpan(PRO, mid, DECEMBER.end()), new PlanSpan(FREE, DECEMBER.start(), mid)),
                List.of(new PlanSpan(FREE, DECEMBER.start(), mid), new PlanSpan(PRO, mid.plusDays(1), DECEMBER.end())),
                List.of(new PlanSpan(PRO, DECEMBER.start().minusDays(1), DECEMBER.end())),
                List.of(new PlanSpan(PRO, DECEMBER.start(), DECEMBER.end().plusDays(1))),
                List.of(new PlanSpan(PRO, mid, mid.minusDays(1))));

        for (List<PlanSpan> spans : wrong) {
            assertThatIllegalArgumentException().as(spans.toString()).isThrownBy(() ->
                    InvoiceCalculator.statement(DECEMBER, spans, BillableUsage.NONE, Optional.empty()));
        }
    }

    @Test
    void a_negative_tax_rate_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> InvoiceCalculator.statement(DECEMBER,
                List.of(whole(DECEMBER, PRO)), BillableUsage.NONE, Optional.of(new BigDecimal("-1"))));
    }

    static PlanSpan whole(BillingPeriod period, Plan plan) {
        return new PlanSpan(plan, period.start(), period.end());
    }

    static Plan plan(String name, String monthlyPrice, String currency, Map<BillableMetric, Long> included,
                     Map<BillableMetric, BigDecimal> overagePrices) {
        return new Plan(new PlanId(UUID.randomUUID()), name, Money.of(monthlyPrice, currency), included, overagePrices,
                false, new PlanLimits(3, 1_000, 50, 10, 100, 30), false, Optional.empty());
    }
}
