package io.linnet.server.support;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanDraft;
import io.linnet.billing.PlanLimits;
import io.linnet.billing.Plans;
import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Actor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The plan the tests' tenants start on: limits far above anything a test does, so that the tests of
 * other features are not cut short by Free's; billing's own tests move their tenants to the plans they
 * test. Made the default once per test database.
 */
public final class TestPlans {

    public static final String NAME = "Tests: no limits";
    public static final Actor.Operator OPERATOR = new Actor.Operator(new AccountId(new UUID(0, 1)), "tests@linnet.test", "127.0.0.1");

    private TestPlans() {
    }

    /** Before any test runs: after the seed of the plans (which comes first among the start-up runners). */
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class AtStart implements ApplicationRunner {

        private final Plans plans;

        AtStart(Plans plans) {
            this.plans = plans;
        }

        @Override
        public void run(ApplicationArguments args) {
            makeDefault(plans);
        }
    }

    public static synchronized void makeDefault(Plans plans) {
        Plan existing = plans.list(OPERATOR).stream().filter(plan -> plan.name().equals(NAME)).findFirst().orElse(null);
        if (existing == null) {
            plans.create(OPERATOR, draft());
        } else if (!existing.isDefault()) {
            plans.update(OPERATOR, existing.id(), draft());
        }
    }

    /** The same on a server of its own (a packaged jar with its own database), through the operators' API. */
    public static void makeDefault(Api.Client operator) {
        Api.Response created = operator.post("/ops/v1/plans", Map.of("name", NAME, "currency", "USD", "monthlyPrice", 0,
                "included", Map.of("mau", 1_000_000_000L, "messages", 1_000_000_000L, "pushes", 1_000_000_000L,
                        "storage_gb", 1_000_000L),
                "limits", Map.of("maxApps", 1_000, "maxConnectionsPerApp", 10_000_000, "apiRequestsPerSecond", 10_000_000,
                        "sendsPerSecondPerUser", 10_000_000, "pushesPerSecondPerApp", 10_000_000, "messageRetentionDays", 3_650),
                "isDefault", true));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not make the tests' plan the default: " + created);
        }
    }

    private static PlanDraft draft() {
        long lots = 1_000_000_000L;
        int many = 10_000_000;
        return new PlanDraft(NAME, "USD", BigDecimal.ZERO,
                Map.of(BillableMetric.ACTIVE_USERS, lots, BillableMetric.MESSAGES, lots, BillableMetric.PUSHES, lots,
                        BillableMetric.STORAGE_GB, 1_000_000L),
                Map.of(), false, new PlanLimits(1_000, many, many, many, many, 3_650), true);
    }
}
