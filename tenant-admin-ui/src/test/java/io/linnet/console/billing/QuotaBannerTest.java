package io.linnet.console.billing;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.linnet.console.billing.BillingSamples.notice;
import static io.linnet.console.billing.BillingSamples.overview;
import static io.linnet.console.billing.BillingSamples.plan;
import static org.assertj.core.api.Assertions.assertThat;

class QuotaBannerTest {

    @Test
    void each_metric_is_said_once_at_its_highest_notice() {
        Plan pro = plan("Pro", "99.00", "USD", false);
        BillingOverview overview = overview(pro, List.of(), List.of(notice(BillableMetric.MESSAGES, 80),
                notice(BillableMetric.MESSAGES, 100), notice(BillableMetric.PUSHES, 80)));

        assertThat(QuotaBanner.applies(overview)).isTrue();
        assertThat(QuotaBanner.sentences(overview)).containsExactly(
                "Messages: 100% of what your plan includes is used this period; past it, usage is billed as overage.",
                "Pushes: 80% of what your plan includes is used this period.");
    }

    @Test
    void on_a_hard_quota_it_says_what_is_refused_until_the_next_period() {
        Plan free = plan("Free", "0", "USD", true);
        BillingOverview overview = overview(free, List.of(), List.of(notice(BillableMetric.MESSAGES, 100),
                notice(BillableMetric.ACTIVE_USERS, 100), notice(BillableMetric.STORAGE_GB, 100)));

        assertThat(QuotaBanner.sentences(overview)).containsExactly(
                "Monthly active users: 100% of what your plan includes is used this period; new end users are refused until Aug 1, 2026.",
                "Messages: 100% of what your plan includes is used this period; further sends are refused until Aug 1, 2026.",
                "Stored GB: 100% of what your plan includes is used this period; past it, usage is billed as overage.");
    }

    @Test
    void without_notices_there_is_no_banner() {
        assertThat(QuotaBanner.applies(overview(plan("Pro", "99.00", "USD", false), List.of(), List.of()))).isFalse();
    }
}
