package io.linnet.billing.plan;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.PlanDraft;
import io.linnet.billing.PlanLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * On the platform's first start, the plans an operator starts from (all editable): Free, the default,
 * whose included amounts are hard limits; Pro and Enterprise, billed for overage.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanSeed.class);

    static final List<PlanDraft> PLANS = List.of(
            new PlanDraft("Free", "USD", BigDecimal.ZERO,
                    included(100, 10_000, 1_000, 1), overage("0", "0", "0", "0"), true,
                    new PlanLimits(2, 100, 20, 10, 10, 30), true),
            new PlanDraft("Pro", "USD", new BigDecimal("99.00"),
                    included(10_000, 1_000_000, 100_000, 10), overage("0.01", "0.0005", "0.0002", "0.10"), false,
                    new PlanLimits(10, 10_000, 200, 20, 100, 365), false),
            new PlanDraft("Enterprise", "USD", new BigDecimal("999.00"),
                    included(100_000, 20_000_000, 5_000_000, 200), overage("0.005", "0.0002", "0.0001", "0.05"), false,
                    new PlanLimits(100, 200_000, 2_000, 50, 1_000, 3_650), false));

    private final PlanBook plans;

    PlanSeed(PlanBook plans) {
        this.plans = plans;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (plans.seed(PLANS)) {
            log.info("Seeded the plans Free (the default), Pro and Enterprise");
        }
    }

    private static Map<BillableMetric, Long> included(long mau, long messages, long pushes, long gigabytes) {
        return Map.of(BillableMetric.ACTIVE_USERS, mau, BillableMetric.MESSAGES, messages, BillableMetric.PUSHES, pushes,
                BillableMetric.STORAGE_GB, gigabytes);
    }

    private static Map<BillableMetric, BigDecimal> overage(String mau, String messages, String pushes, String gigabytes) {
        return Map.of(BillableMetric.ACTIVE_USERS, new BigDecimal(mau), BillableMetric.MESSAGES, new BigDecimal(messages),
                BillableMetric.PUSHES, new BigDecimal(pushes), BillableMetric.STORAGE_GB, new BigDecimal(gigabytes));
    }
}
