package io.linnet.billing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingValuesTest {

    @Test
    void a_period_is_the_calendar_month_of_a_day() {
        BillingPeriod february = BillingPeriod.containing(LocalDate.of(2028, 2, 29));
        assertThat(february.start()).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(february.end()).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(february.days()).isEqualTo(29);
        assertThat(february.label()).isEqualTo("2028-02");
        assertThat(february.contains(LocalDate.of(2028, 3, 1))).isFalse();
        assertThat(february.next().start()).isEqualTo(LocalDate.of(2028, 3, 1));
    }

    @Test
    void quota_usage_is_floored_percent_of_what_is_included() {
        assertThat(new QuotaUsage(BillableMetric.MESSAGES, new BigDecimal("799"), 1_000, false).percent()).isEqualTo(79);
        assertThat(new QuotaUsage(BillableMetric.MESSAGES, new BigDecimal("800"), 1_000, false).percent()).isEqualTo(80);
        assertThat(new QuotaUsage(BillableMetric.MESSAGES, new BigDecimal("2500"), 1_000, true).percent()).isEqualTo(250);
        assertThat(new QuotaUsage(BillableMetric.PUSHES, BigDecimal.ZERO, 0, false).percent()).isZero();
        assertThat(new QuotaUsage(BillableMetric.PUSHES, BigDecimal.ONE, 0, false).percent()).isEqualTo(100);
    }

    @Test
    void stored_bytes_are_billed_in_decimal_gigabytes_exactly() {
        BillableUsage usage = new BillableUsage(0, 0, 0, 1_500_000_001L);
        assertThat(usage.of(BillableMetric.STORAGE_GB)).isEqualByComparingTo("1.500000001");
    }

    @Test
    void money_rounds_half_even_to_the_minor_unit_and_never_adds_two_currencies() {
        assertThat(Money.of("0.025", "EUR").rounded().amount()).isEqualByComparingTo("0.02");
        assertThat(Money.of("0.035", "EUR").rounded().amount()).isEqualByComparingTo("0.04");
        assertThat(Money.of("333.5", "JPY").rounded().amount()).isEqualByComparingTo("334");
        assertThat(Money.zero(java.util.Currency.getInstance("JPY")).amount().scale()).isZero();
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metrics_are_found_by_their_api_names_and_an_unknown_one_lists_them() {
        assertThat(BillableMetric.of("storage_gb")).isEqualTo(BillableMetric.STORAGE_GB);
        assertThat(BillableMetric.of(" MAU ")).isEqualTo(BillableMetric.ACTIVE_USERS);
        assertThatThrownBy(() -> BillableMetric.of("bytes")).hasMessageContaining("mau, messages, pushes, storage_gb");
    }
}
