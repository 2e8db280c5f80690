package io.linnet.server.billing;

import io.linnet.server.support.Api;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans made for a test through the operators' API, and tenants moved onto them. */
final class BillingPlans {

    private final Api.Client operator;

    BillingPlans(Api.Client operator) {
        this.operator = operator;
    }

    /** A plan body: {@code limits} overrides the generous defaults. */
    static Map<String, Object> body(String name, String currency, String price, boolean hard, Map<String, Long> included,
                                    Map<String, String> overage, Map<String, Integer> limits) {
        Map<String, Integer> allLimits = new HashMap<>(Map.of("maxApps", 100, "maxConnectionsPerApp", 100_000,
                "apiRequestsPerSecond", 10_000, "sendsPerSecondPerUser", 10_000, "pushesPerSecondPerApp", 10_000,
                "messageRetentionDays", 365));
        allLimits.putAll(limits);
        Map<String, Long> allIncluded = new HashMap<>(Map.of("mau", 1_000_000L, "messages", 1_000_000L, "pushes", 1_000_000L,
                "storage_gb", 1_000L));
        allIncluded.putAll(included);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("currency", currency);
        body.put("monthlyPrice", new java.math.BigDecimal(price));
        body.put("included", allIncluded);
        body.put("overagePrices", overage);
        body.put("hardQuota", hard);
        body.put("limits", allLimits);
        return body;
    }

    String create(Map<String, Object> body) {
        Api.Response created = operator.post("/ops/v1/plans", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    void move(String tenantId, String planId) {
        Api.Response moved = operator.patch("/ops/v1/tenants/" + tenantId + "/subscription", Map.of("planId", planId));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }
}
