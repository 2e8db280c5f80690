package io.linnet.billing;

import java.math.BigDecimal;
import java.util.Map;

/** A plan as an operator writes it, before it is checked; {@code currency} is an ISO 4217 code. */
public record PlanDraft(String name, String currency, BigDecimal monthlyPrice, Map<BillableMetric, Long> included,
                        Map<BillableMetric, BigDecimal> overagePrices, boolean hardQuota, PlanLimits limits,
                        boolean isDefault) {
}
