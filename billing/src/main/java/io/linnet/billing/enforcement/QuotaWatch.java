package io.linnet.billing.enforcement;

import io.linnet.analytics.Analytics;
import io.linnet.analytics.TenantUsage;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillableUsage;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.BillingSettings;
import io.linnet.billing.Plan;
import io.linnet.billing.Subscription;
import io.linnet.billing.subscription.SubscriptionBook;
import io.linnet.tenancy.PeriodicWork;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares every tenant's usage this period with what its plan includes, every
 * {@code linnet.billing.quota-check-interval}: the first time a tenant passes 80 % or 100 % of a metric,
 * a notice is stored (the console's banner) and an audit entry written, once, whichever node sees it
 * first. It also keeps this node's copy of the usage for the hard quota on pushes.
 */
@Component
class QuotaWatch extends PeriodicWork {

    static final List<Integer> THRESHOLDS = List.of(80, 100);

    private final SubscriptionBook subscriptions;
    private final Analytics analytics;
    private final PlatformDatabase platform;
    private final AuditLog audit;
    private final BillingSettings settings;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<TenantId, BillableUsage> usage = Map.of();

    QuotaWatch(SubscriptionBook subscriptions, Analytics analytics, PlatformDatabase platform, AuditLog audit,
               BillingSettings settings) {
        super("billing-quota-watch");
        this.subscriptions = subscriptions;
        this.analytics = analytics;
        this.platform = platform;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    protected Duration interval() {
        return settings.quotaCheckInterval();
    }

    /** How much of {@code metric} the tenant used this period, as of the last check. */
    long used(TenantId tenant, BillableMetric metric) {
        return usage.getOrDefault(tenant, BillableUsage.NONE).of(metric).longValue();
    }

    @Override
    protected void runOnce() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        BillingPeriod period = BillingPeriod.containing(today);
        Map<TenantId, BillableUsage> measured = new HashMap<>();
        for (TenantUsage tenant : analytics.usageByTenant(period.start(), today.plusDays(1))) {
            measured.put(tenant.tenantId(), new BillableUsage(tenant.activeUsers(), tenant.messages(), tenant.pushes(),
                    tenant.messageBytes()));
        }
        usage = measured;
        // the notices given already this period, read once: a check writes only the new ones
        java.util.Set<String> given = new java.util.HashSet<>(platform.jdbc().sql("""
                        select tenant_id::text || '/' || metric || '/' || percent from billing_quota_notices
                         where period_start = ?""")
                .param(period.start())
                .query(String.class)
                .list());
        for (Subscription subscription : subscriptions.all()) {
            BillableUsage used = measured.get(subscription.tenantId());
            if (used != null) {
                warn(subscription.tenantId(), subscription.plan(), period, used, given);
            }
        }
    }

    private void warn(TenantId tenant, Plan plan, BillingPeriod period, BillableUsage used, java.util.Set<String> given) {
        for (BillableMetric metric : BillableMetric.values()) {
            long included = plan.included(metric);
            if (included <= 0) {
                continue;
            }
            BigDecimal amount = used.of(metric);
            for (int percent : THRESHOLDS) {
                if (amount.multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf(included).multiply(BigDecimal.valueOf(percent))) < 0) {
                    break;
                }
                if (given.contains(tenant + "/" + metric.key() + "/" + percent)) {
                    continue;
                }
                platform.inTransaction(() -> {
                    int added = platform.jdbc().sql("""
                                    insert into billing_quota_notices (tenant_id, period_start, metric, percent)
                                    values (?, ?, ?, ?) on conflict do nothing""")
                            .params(tenant.value(), period.start(), metric.key(), percent)
                            .update();
                    if (added == 1) {
                        audit.recordBySystem(tenant, "billing.quota.warning", "subscription", tenant.toString(),
                                Map.of("metric", metric.key(), "percent", percent, "used", amount.toPlainString(),
                                        "included", included, "plan", plan.name(), "hardQuota", plan.hardQuota()));
                    }
                    return null;
                });
            }
        }
    }

    /** One check now (tests, and an operator's request); the background runs it every interval. */
    void checkNow() {
        runOnce();
    }
}
