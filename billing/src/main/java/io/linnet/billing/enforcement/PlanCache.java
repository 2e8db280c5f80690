package io.linnet.billing.enforcement;

import io.linnet.billing.BillingSettings;
import io.linnet.billing.Subscription;
import io.linnet.billing.subscription.PlanChanged;
import io.linnet.billing.subscription.SubscriptionBook;
import io.linnet.tenancy.TenantId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Each node's copy of its tenants' subscriptions, so that the checks on every send read no database: a
 * copy is read again after {@code linnet.billing.plan-cache-ttl}, and at once on the node that changed
 * the plan.
 */
@Component
class PlanCache {

    private record Cached(Subscription subscription, long readAt) {
    }

    private final SubscriptionBook subscriptions;
    private final long ttlNanos;
    private final ConcurrentHashMap<TenantId, Cached> cached = new ConcurrentHashMap<>();

    PlanCache(SubscriptionBook subscriptions, BillingSettings settings) {
        this.subscriptions = subscriptions;
        this.ttlNanos = settings.planCacheTtl().toNanos();
    }

    Subscription of(TenantId tenant) {
        long now = System.nanoTime();
        Cached copy = cached.get(tenant);
        if (copy == null || now - copy.readAt() > ttlNanos) {
            copy = new Cached(subscriptions.of(tenant), now);
            cached.put(tenant, copy);
        }
        return copy.subscription();
    }

    @EventListener
    void planChanged(PlanChanged changed) {
        cached.remove(changed.tenantId());
    }
}
