package io.linnet.bench.push;

import io.linnet.bench.BenchPlan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One app set up for a scenario, as a customer would through the APIs (a tenant, an app, a key, an APNs auth key
 * and an FCM service account uploaded), except for the devices: tens of thousands are inserted with SQL, since
 * registering them is not what is measured.
 */
final class PushSetup {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String api;
    private final String tenantId;
    private final String appId;
    private final String accessToken;

    private PushSetup(String api, String tenantId, String appId, String accessToken) {
        this.api = api;
        this.tenantId = tenantId;
        this.appId = appId;
        this.accessToken = accessToken;
    }

    static PushSetup newApp(ServerProcess server, String name, FcmFake fcm) throws Exception {
        String api = server.api();
        String owner = "push-bench-" + UUID.randomUUID() + "@bench.test";
        String password = "bench-password-" + UUID.randomUUID();
        JsonNode tenant = call("POST", api + "/ops/v1/tenants", basic(ServerProcess.OPERATOR, server.operatorPassword()),
                Map.of("name", name + " " + UUID.randomUUID(), "owner", Map.of("email", owner, "password", password)));
        BenchPlan.moveTenant(api, basic(ServerProcess.OPERATOR, server.operatorPassword()), tenant.get("tenant").get("id").asString());
        String appId = call("POST", api + "/manage/v1/apps", basic(owner, password), Map.of("name", name)).get("id").asString();
        String credentials = api + "/manage/v1/apps/" + appId + "/push-credentials";
        call("POST", credentials, basic(owner, password), Map.of("kind", "APNS_TOKEN", "keyId", "KEYID12345",
                "teamId", "TEAMID1234", "topic", "io.linnet.bench", "file", Base64.getEncoder().encodeToString(
                        SelfSignedCertificate.p8(SelfSignedCertificate.p256().getPrivate()).getBytes(StandardCharsets.US_ASCII))));
        call("POST", credentials, basic(owner, password), Map.of("kind", "FCM", "file",
                Base64.getEncoder().encodeToString(fcm.serviceAccountJson().getBytes(StandardCharsets.UTF_8))));
        JsonNode key = call("POST", api + "/manage/v1/apps/" + appId + "/keys", basic(owner, password), Map.of("name", "bench"));
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/oauth2/token"))
                .header("Authorization", basic(key.get("id").asString(), key.get("secret").asString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        return new PushSetup(api, tenant.get("tenant").get("id").asString(), appId,
                JSON.readTree(token.body()).get("access_token").asString());
    }

    /** Inserts {@code apns} APNs devices and {@code fcm} FCM devices over 1,000 users; answers the APNs tokens. */
    List<String> devices(Options options, int apns, int fcm) throws Exception {
        List<String> apnsTokens = new ArrayList<>(apns);
        for (int i = 0; i < apns; i++) {
            byte[] token = new byte[32];
            ThreadLocalRandom.current().nextBytes(token);
            apnsTokens.add(HexFormat.of().formatHex(token));
        }
        List<String> fcmTokens = new ArrayList<>(fcm);
        for (int i = 0; i < fcm; i++) {
            fcmTokens.add("bench-fcm-" + UUID.randomUUID());
        }
        try (Connection db = DriverManager.getConnection(options.dbUrl(), options.dbUser(), options.dbPassword())) {
            try (PreparedStatement users = db.prepareStatement("""
                    insert into end_users (tenant_id, app_id, user_id)
                    select ?::uuid, ?::uuid, 'user-' || i from generate_series(1, 1000) i""")) {
                users.setString(1, tenantId);
                users.setString(2, appId);
                users.executeUpdate();
            }
            insert(db, "apns", "production", apnsTokens);
            insert(db, "fcm", null, fcmTokens);
            try (var analyze = db.createStatement()) {
                analyze.execute("analyze push_devices");
            }
        }
        return apnsTokens;
    }

    private void insert(Connection db, String provider, String environment, List<String> tokens) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into push_devices (tenant_id, app_id, id, user_id, provider, token, environment)
                select ?::uuid, ?::uuid, gen_random_uuid(), 'user-' || (n % 1000 + 1), ?, t, ?
                  from unnest(?) with ordinality as d(t, n)""")) {
            insert.setString(1, tenantId);
            insert.setString(2, appId);
            insert.setString(3, provider);
            insert.setString(4, environment);
            insert.setArray(5, db.createArrayOf("text", tokens.toArray()));
            insert.executeUpdate();
        }
    }

    /** A push to every device of the app, as {@code POST /v1/push}; answers its id. */
    String broadcast() throws Exception {
        return call("POST", api + "/v1/push", "Bearer " + accessToken, Map.of("target", Map.of("all", true),
                "notification", Map.of("title", "Benchmark", "body", "Hello from the push benchmark"))).get("pushId").asString();
    }

    /** Polls the push until it is completed, and answers it. */
    JsonNode completed(String pushId, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = call("GET", api + "/v1/push/" + pushId, "Bearer " + accessToken, null);
            if ("completed".equals(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Push " + pushId + " did not complete within " + within);
    }

    static Duration took(JsonNode job) {
        return Duration.between(Instant.parse(job.get("createdAt").asString()), Instant.parse(job.get("completedAt").asString()));
    }

    private static JsonNode call(String method, String url, String authorization, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
