package io.linnet.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The plan the benchmarks' tenants are moved to: its limits and quotas are far above any load here, so
 * every check of billing runs on the hot path (buckets, plan lookups) and none refuses. Run the server
 * with {@code LINNET_BILLING_ENFORCEMENT=false} to measure without the checks.
 */
public final class BenchPlan {

    static final String NAME = "Benchmarks: no limits";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BODY = """
            {"name":"%s","currency":"USD","monthlyPrice":0,
             "included":{"mau":1000000000000,"messages":1000000000000,"pushes":1000000000000,"storage_gb":1000000},
             "overagePrices":{},"hardQuota":false,
             "limits":{"maxApps":1000,"maxConnectionsPerApp":100000000,"apiRequestsPerSecond":100000000,
                       "sendsPerSecondPerUser":100000000,"pushesPerSecondPerApp":100000000,"messageRetentionDays":3650}}"""
            .formatted(NAME);

    private BenchPlan() {
    }

    /** Moves {@code tenantId} to the benchmarks' plan, made first if the server has none. */
    public static void moveTenant(String api, String operatorAuthorization, String tenantId) throws Exception {
        String planId = null;
        for (JsonNode item : send("GET", api + "/ops/v1/plans", operatorAuthorization, null).get("items")) {
            if (item.at("/plan/name").asString().equals(NAME)) {
                planId = item.at("/plan/id").asString();
            }
        }
        if (planId == null) {
            planId = send("POST", api + "/ops/v1/plans", operatorAuthorization, BODY).get("id").asString();
        }
        send("PATCH", api + "/ops/v1/tenants/" + tenantId + "/subscription", operatorAuthorization,
                "{\"planId\":\"" + planId + "\"}");
    }

    private static JsonNode send(String method, String url, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
