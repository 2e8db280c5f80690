package io.linnet.console.billing;

import io.linnet.billing.BillingPeriod;
import io.linnet.billing.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

    @Test
    void an_amount_is_shown_as_charged_to_the_minor_unit_with_its_currency() {
        assertThat(Amounts.money(Money.of("1234.5", "EUR"))).isEqualTo("1,234.50 EUR");
        assertThat(Amounts.money(Money.of("0.125", "USD"))).as("half-even, as invoices round").isEqualTo("0.12 USD");
        assertThat(Amounts.money(Money.of("1500", "JPY"))).isEqualTo("1,500 JPY");
    }

    @Test
    void a_unit_price_keeps_its_precision_but_at_least_the_minor_unit() {
        assertThat(Amounts.unitPrice(Money.of("0.0005", "USD"))).isEqualTo("0.0005 USD");
        assertThat(Amounts.unitPrice(Money.of("0.1", "EUR"))).isEqualTo("0.10 EUR");
        assertThat(Amounts.unitPrice(Money.of("3.193548", "EUR"))).isEqualTo("3.193548 EUR");
    }

    @Test
    void quantities_counts_rates_and_periods_read_as_people_write_them() {
        assertThat(Amounts.quantity(new BigDecimal("12000"))).isEqualTo("12,000");
        assertThat(Amounts.compact(100_000)).isEqualTo("100,000");
        assertThat(Amounts.compact(1_500_000)).isEqualTo("1.5M");
        assertThat(Amounts.compact(20_000_000)).isEqualTo("20M");
        assertThat(Amounts.compact(1_000_000_000)).isEqualTo("1B");
        assertThat(Amounts.compact(1_000_000_000_000L)).isEqualTo("1,000B");
        assertThat(Amounts.quantity(new BigDecimal("0.002345678"))).isEqualTo("0.002");
        assertThat(Amounts.quantity(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(Amounts.taxRate(Optional.of(new BigDecimal("19.00")))).isEqualTo("19%");
        assertThat(Amounts.taxRate(Optional.of(new BigDecimal("7.5")))).isEqualTo("7.5%");
        assertThat(Amounts.taxRate(Optional.empty())).isEqualTo("None");
        assertThat(Amounts.period(BillingPeriod.containing(LocalDate.of(2026, 2, 10)))).isEqualTo("Feb 1 – Feb 28, 2026");
    }
}
