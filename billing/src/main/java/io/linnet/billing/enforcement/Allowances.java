package io.linnet.billing.enforcement;

import io.linnet.billing.ApiRequestLimits;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.BillingSettings;
import io.linnet.billing.Plan;
import io.linnet.billing.Subscription;
import io.linnet.billing.subscription.PlanChanged;
import io.linnet.messaging.ConnectionAllowance;
import io.linnet.messaging.SendAllowance;
import io.linnet.messaging.UserId;
import io.linnet.push.PushAllowance;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.LimitExceeded;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.TenantLimits;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The plan's limits, as the other modules ask for them through their ports: sends per second per end
 * user and, on plans with a hard quota, the period's messages and monthly active users (sends and new
 * connections); concurrent connections per app; pushes per second per app and the hard quota on pushes;
 * apps per tenant; and API requests per second per key. With {@code linnet.billing.enforcement=false}
 * everything is let through.
 */
@Component
class Allowances implements SendAllowance, ConnectionAllowance, PushAllowance, TenantLimits, ApiRequestLimits {

    private final PlanCache plans;
    private final RateLimits rates;
    private final QuotaCounters counters;
    private final QuotaWatch watch;
    private final boolean enforcing;
    private final RedisBreaker breaker = new RedisBreaker("Hard quotas");
    private final Clock clock = Clock.systemUTC();

    Allowances(PlanCache plans, RateLimits rates, QuotaCounters counters, QuotaWatch watch, BillingSettings settings) {
        this.plans = plans;
        this.rates = rates;
        this.counters = counters;
        this.watch = watch;
        this.enforcing = settings.enforcement();
    }

    @Override
    public Admission admit(AppRef app, UserId sender) {
        if (!enforcing) {
            return Admission.FREE;
        }
        Subscription subscription = plans.of(app.tenantId());
        Plan plan = subscription.plan();
        int perSecond = plan.limits().sendsPerSecondPerUser();
        rates.take(key(app) + ":u:" + sender + ":rl:send:" + perSecond, perSecond).ifPresent(wait -> {
            throw LimitExceeded.rate("At most " + perSecond + " messages per second per user on this app's plan", wait);
        });
        if (!plan.hardQuota()) {
            return Admission.FREE;
        }
        BillingPeriod period = BillingPeriod.current(clock);
        long outcome = hardQuota(app.tenantId(), period, app, sender, plan, true);
        if (outcome == QuotaCounters.MESSAGES_FULL) {
            throw quotaExceeded(period, "The plan's " + plan.included(BillableMetric.MESSAGES) + " messages of this period are used up");
        }
        if (outcome == QuotaCounters.USERS_FULL) {
            throw usersFull(period, plan);
        }
        return outcome == QuotaCounters.TAKEN ? () -> counters.giveBackMessage(app.tenantId(), period) : Admission.FREE;
    }

    @Override
    public int maxConnections(AppRef app) {
        return enforcing ? plans.of(app.tenantId()).plan().limits().maxConnectionsPerApp() : Integer.MAX_VALUE;
    }

    @Override
    public void admitConnection(AppRef app, UserId user) {
        if (!enforcing) {
            return;
        }
        Plan plan = plans.of(app.tenantId()).plan();
        if (plan.hardQuota()) {
            BillingPeriod period = BillingPeriod.current(clock);
            if (hardQuota(app.tenantId(), period, app, user, plan, false) == QuotaCounters.USERS_FULL) {
                throw usersFull(period, plan);
            }
        }
    }

    @Override
    public void admit(AppRef app) {
        if (!enforcing) {
            return;
        }
        Plan plan = plans.of(app.tenantId()).plan();
        int perSecond = plan.limits().pushesPerSecondPerApp();
        rates.take(key(app) + ":rl:push:" + perSecond, perSecond).ifPresent(wait -> {
            throw LimitExceeded.rate("At most " + perSecond + " push requests per second on this app's plan", wait);
        });
        if (plan.hardQuota() && watch.used(app.tenantId(), BillableMetric.PUSHES) >= plan.included(BillableMetric.PUSHES)) {
            throw quotaExceeded(BillingPeriod.current(clock),
                    "The plan's " + plan.included(BillableMetric.PUSHES) + " pushes of this period are used up");
        }
    }

    @Override
    public void admit(AppCaller caller) {
        if (!enforcing) {
            return;
        }
        int perSecond = plans.of(caller.tenantId()).plan().limits().apiRequestsPerSecond();
        rates.take("t:" + caller.tenantId() + ":a:" + caller.appId() + ":k:" + caller.keyId() + ":rl:api:" + perSecond, perSecond)
                .ifPresent(wait -> {
                    throw LimitExceeded.rate("At most " + perSecond + " requests per second per key on this app's plan", wait);
                });
    }

    @Override
    public int maxApps(TenantId tenant) {
        return enforcing ? plans.of(tenant).plan().limits().maxApps() : Integer.MAX_VALUE;
    }

    /** The hard quotas' check, letting traffic through while Redis is away. */
    private long hardQuota(TenantId tenant, BillingPeriod period, AppRef app, UserId user, Plan plan, boolean message) {
        if (breaker.open()) {
            return Long.MIN_VALUE;
        }
        try {
            return counters.admit(tenant, period, app.appId() + "/" + user, plan.included(BillableMetric.ACTIVE_USERS),
                    message, plan.included(BillableMetric.MESSAGES));
        } catch (RuntimeException redisAway) {
            breaker.failed(redisAway);
            return Long.MIN_VALUE;
        }
    }

    @EventListener
    void planChanged(PlanChanged changed) {
        try {
            counters.forget(changed.tenantId(), BillingPeriod.current(clock));
        } catch (RuntimeException redisAway) {
            breaker.failed(redisAway);
        }
    }

    private LimitExceeded usersFull(BillingPeriod period, Plan plan) {
        return quotaExceeded(period, "The plan's " + plan.included(BillableMetric.ACTIVE_USERS)
                + " monthly active users of this period are used up; users active this period go on");
    }

    private LimitExceeded quotaExceeded(BillingPeriod period, String detail) {
        Instant resets = period.end().atStartOfDay().toInstant(ZoneOffset.UTC);
        return LimitExceeded.quota(detail + "; it resets at " + resets, resets, clock.instant());
    }

    private static String key(AppRef app) {
        return "t:" + app.tenantId() + ":a:" + app.appId();
    }
}
