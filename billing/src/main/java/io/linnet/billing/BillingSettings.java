package io.linnet.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of billing, bound to {@code linnet.billing.*}.
 *
 * @param enforcement         whether the plans' rate limits and quotas are enforced (off: everything is
 *                            let through, for measuring what the checks cost; usage is still billed)
 * @param planCacheTtl        how long a node keeps a tenant's plan before reading it again: how long a
 *                            plan change takes to reach the other nodes (the node that made it knows at once)
 * @param quotaCheckInterval  how often soft quotas are compared with usage (a warning comes at most this late)
 * @param closeInterval       how often a node looks for ended periods to close into invoices
 */
@ConfigurationProperties("linnet.billing")
public record BillingSettings(
        @DefaultValue("true") boolean enforcement,
        @DefaultValue("PT5S") Duration planCacheTtl,
        @DefaultValue("PT30S") Duration quotaCheckInterval,
        @DefaultValue("PT5M") Duration closeInterval) {

    public BillingSettings {
        if (planCacheTtl.isNegative() || quotaCheckInterval.isNegative() || quotaCheckInterval.isZero()
                || closeInterval.isNegative() || closeInterval.isZero()) {
            throw new IllegalArgumentException("linnet.billing: the intervals must be positive");
        }
    }

    public static BillingSettings defaults() {
        return new BillingSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }
}
