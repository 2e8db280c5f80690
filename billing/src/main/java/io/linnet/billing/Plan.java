package io.linnet.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * A plan operators sell: a monthly price, what it includes each month, the price per unit beyond that
 * (in the plan's currency), and its limits. With {@code hardQuota}, what it includes is also the most a
 * tenant may use in a month: past it, sends, pushes and new end users are refused until the next period.
 * A retired plan takes no new subscriptions; the tenants on it stay.
 */
public record Plan(PlanId id, String name, Money monthlyPrice, Map<BillableMetric, Long> included,
                   Map<BillableMetric, BigDecimal> overagePrices, boolean hardQuota, PlanLimits limits,
                   boolean isDefault, Optional<Instant> retiredAt) {

    public Plan {
        included = Map.copyOf(included);
        overagePrices = Map.copyOf(overagePrices);
    }

    public Currency currency() {
        return monthlyPrice.currency();
    }

    public long included(BillableMetric metric) {
        return included.getOrDefault(metric, 0L);
    }

    /** The price of one unit of {@code metric} beyond what is included. */
    public Money overagePrice(BillableMetric metric) {
        return new Money(overagePrices.getOrDefault(metric, BigDecimal.ZERO), currency());
    }

    public boolean retired() {
        return retiredAt.isPresent();
    }
}
