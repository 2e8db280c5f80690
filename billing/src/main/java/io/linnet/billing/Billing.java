package io.linnet.billing;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.TenantId;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Tenants' subscriptions: what a tenant's members see of their billing (plan, usage against each
 * quota, the current period's estimate, quota notices) and change (the plan, at once, its base price
 * prorated by days), and what operators change (plan, status, tax rate).
 */
public interface Billing {

    /** The member's tenant's billing (needs the {@code BILLING} permission). */
    BillingOverview overview(Actor.Member member);

    /** A tenant's billing, for an operator. */
    BillingOverview overview(Actor.Operator operator, TenantId tenant);

    /** Moves the member's tenant to another plan on offer, from now on (needs {@code BILLING}). */
    Subscription changePlan(Actor.Member member, PlanId plan);

    /** An operator's change of a tenant's subscription; what is empty stays as it is. */
    Subscription change(Actor.Operator operator, TenantId tenant, SubscriptionChange change);

    /**
     * What an operator changes of a subscription.
     *
     * @param taxRatePercent an empty value keeps the rate; a present zero or positive value sets it;
     *                       {@code clearTax} removes it
     */
    record SubscriptionChange(Optional<PlanId> plan, Optional<SubscriptionStatus> status,
                              Optional<BigDecimal> taxRatePercent, boolean clearTax) {
    }
}
