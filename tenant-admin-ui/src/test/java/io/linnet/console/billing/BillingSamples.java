package io.linnet.console.billing;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.Money;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanId;
import io.linnet.billing.PlanLimits;
import io.linnet.billing.QuotaNotice;
import io.linnet.billing.QuotaUsage;
import io.linnet.billing.Statement;
import io.linnet.billing.Subscription;
import io.linnet.billing.SubscriptionStatus;
import io.linnet.tenancy.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Plans, subscriptions and overviews as the billing services answer them, for the console's tests. */
final class BillingSamples {

    static final BillingPeriod JULY = BillingPeriod.containing(LocalDate.of(2026, 7, 14));

    private BillingSamples() {
    }

    static Plan plan(String name, String price, String currency, boolean hard) {
        return new Plan(new PlanId(UUID.randomUUID()), name, Money.of(price, currency),
                Map.of(BillableMetric.ACTIVE_USERS, 100L, BillableMetric.MESSAGES, 10_000L, BillableMetric.PUSHES, 1_000L,
                        BillableMetric.STORAGE_GB, 1L),
                Map.of(BillableMetric.MESSAGES, new BigDecimal("0.0005"), BillableMetric.STORAGE_GB, new BigDecimal("0.10")),
                hard, new PlanLimits(2, 100, 20, 10, 10, 30), false, Optional.empty());
    }

    static Subscription subscription(Plan plan, Optional<BigDecimal> taxRate) {
        return new Subscription(new TenantId(UUID.randomUUID()), plan, SubscriptionStatus.ACTIVE, JULY, taxRate,
                Instant.parse("2026-07-01T00:00:00Z"));
    }

    static BillingOverview overview(Plan plan, List<QuotaUsage> quotas, List<QuotaNotice> notices) {
        Money zero = Money.zero(plan.currency());
        return new BillingOverview(subscription(plan, Optional.empty()), quotas,
                new Statement(JULY, plan.currency(), List.of(), zero, Optional.empty(), zero, zero), notices);
    }

    static QuotaNotice notice(BillableMetric metric, int percent) {
        return new QuotaNotice(metric, percent, Instant.parse("2026-07-10T12:00:00Z"));
    }
}
