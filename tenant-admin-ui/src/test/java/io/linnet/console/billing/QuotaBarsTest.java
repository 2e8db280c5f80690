package io.linnet.console.billing;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.Plan;
import io.linnet.billing.QuotaUsage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.linnet.console.billing.BillingSamples.overview;
import static io.linnet.console.billing.BillingSamples.plan;
import static org.assertj.core.api.Assertions.assertThat;

class QuotaBarsTest {

    @Test
    void a_bar_says_used_of_included_in_percent_and_turns_at_80_and_100_percent() {
        QuotaUsage messages = new QuotaUsage(BillableMetric.MESSAGES, new BigDecimal("8500"), 10_000, false);
        assertThat(QuotaBars.numbers(messages)).isEqualTo("8,500 of 10,000 messages · 85%");
        assertThat(QuotaBars.level(79)).isEmpty();
        assertThat(QuotaBars.level(80)).isEqualTo("quota-warning");
        assertThat(QuotaBars.level(100)).isEqualTo("quota-full");
        assertThat(QuotaBars.level(250)).isEqualTo("quota-full");
        assertThat(QuotaBars.level(new QuotaUsage(BillableMetric.PUSHES, new BigDecimal("3"), 0, false)))
                .as("with nothing included there is no share to warn of").isEmpty();
        assertThat(QuotaBars.level(new QuotaUsage(BillableMetric.PUSHES, BigDecimal.ZERO, 0, true))).isEqualTo("quota-full");
        assertThat(QuotaBars.level(messages)).isEqualTo("quota-warning");
        assertThat(QuotaBars.numbers(new QuotaUsage(BillableMetric.PUSHES, new BigDecimal("3"), 0, false)))
                .isEqualTo("3 pushes, none included");
        assertThat(QuotaBars.numbers(new QuotaUsage(BillableMetric.ACTIVE_USERS, BigDecimal.ONE, 0, false)))
                .isEqualTo("1 user, none included");
        assertThat(QuotaBars.numbers(new QuotaUsage(BillableMetric.STORAGE_GB, new BigDecimal("0.001234567"), 10, false)))
                .isEqualTo("0.001 of 10 GB · 0%");
    }

    @Test
    void past_what_is_included_it_is_billed_per_unit_or_refused_on_a_hard_quota_but_storage_is_never_cut_off() {
        Plan pro = plan("Pro", "99.00", "USD", false);
        BillingOverview soft = overview(pro, List.of(), List.of());
        assertThat(QuotaBars.note(new QuotaUsage(BillableMetric.MESSAGES, BigDecimal.ONE, 10, false), pro, soft))
                .isEqualTo("Past it, 0.0005 USD per message.");
        assertThat(QuotaBars.note(new QuotaUsage(BillableMetric.PUSHES, BigDecimal.ONE, 10, false), pro, soft))
                .isEqualTo("Past it, usage costs nothing extra on this plan.");

        Plan free = plan("Free", "0", "USD", true);
        BillingOverview hard = overview(free, List.of(), List.of());
        QuotaUsage messages = new QuotaUsage(BillableMetric.MESSAGES, BigDecimal.ONE, 10, true);
        assertThat(QuotaBars.refusedPastIt(messages)).isTrue();
        assertThat(QuotaBars.note(messages, free, hard)).isEqualTo("Nothing past it is let through until Aug 1, 2026.");
        QuotaUsage storage = new QuotaUsage(BillableMetric.STORAGE_GB, BigDecimal.ONE, 1, true);
        assertThat(QuotaBars.refusedPastIt(storage)).isFalse();
        assertThat(QuotaBars.note(storage, free, hard)).isEqualTo("Past it, 0.10 USD per GB.");
    }
}
