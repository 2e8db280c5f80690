package io.linnet.billing;

import io.linnet.tenancy.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's one subscription: its plan (since {@code planSince}), status, the current period and the
 * tax rate of its invoices, in percent, if any.
 */
public record Subscription(TenantId tenantId, Plan plan, SubscriptionStatus status, BillingPeriod period,
                           Optional<BigDecimal> taxRatePercent, Instant planSince) {
}
