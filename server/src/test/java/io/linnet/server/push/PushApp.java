package io.linnet.server.push;

import io.linnet.push.credential.GeneratedCredentials;
import io.linnet.push.webpush.FakePushService;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ProviderFakes;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An app of its own tenant, set up for push: its credentials for the APNs and FCM fakes uploaded through the
 * management API, and the developer API as its backend calls it.
 */
public record PushApp(MessagingApp app) {

    /** A fresh tenant with one app, a key with every scope, and APNs (token auth) and FCM credentials. */
    public static PushApp create(Api api, Fixtures fixtures, String name) {
        PushApp push = new PushApp(MessagingApp.create(api, fixtures, name));
        push.uploadApnsKey();
        push.uploadFcmAccount();
        return push;
    }

    /** A fresh tenant with one app and no push credential at all. */
    public static PushApp withoutCredentials(Api api, Fixtures fixtures, String name) {
        return new PushApp(MessagingApp.create(api, fixtures, name));
    }

    /** The same app, reached through another server node. */
    public PushApp on(Api api) {
        return new PushApp(new MessagingApp(app.owner(), app.appId(), app.key(),
                api.bearer(api.accessToken(app.key().keyId(), app.key().secret()))));
    }

    public Api.Client client() {
        return app.client();
    }

    public String appId() {
        return app.appId();
    }

    public void uploadApnsKey() {
        credential(Map.of("kind", "APNS_TOKEN", "file", GeneratedCredentials.base64(ProviderFakes.apns().p8()),
                "keyId", MockApns.KEY_ID, "teamId", MockApns.TEAM_ID, "topic", MockApns.TOPIC, "label", "APNs fake"));
    }

    public void uploadFcmAccount() {
        credential(Map.of("kind", "FCM", "file", GeneratedCredentials.base64(
                ProviderFakes.fcm().serviceAccountJson().getBytes(StandardCharsets.UTF_8)), "label", "FCM fake"));
    }

    /** Generates the app's VAPID keys and answers the public key, which a push service's subscriptions are made for. */
    public String generateVapidKeys() {
        Api.Response generated = app.owner().client().post("/manage/v1/apps/" + appId() + "/push-credentials/vapid",
                Map.of("subject", "mailto:push@linnet.test"));
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        return generated.json().get("metadata").get("publicKey").asString();
    }

    private void credential(Map<String, Object> body) {
        Api.Response uploaded = app.owner().client().post("/manage/v1/apps/" + appId() + "/push-credentials", body);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }

    public void users(String... userIds) {
        app.users(userIds);
    }

    public Api.Response register(String userId, Map<String, Object> device) {
        return client().post("/v1/users/" + userId + "/devices", device);
    }

    /** Registers a device and answers its id. */
    public String device(String userId, Map<String, Object> device) {
        Api.Response registered = register(userId, device);
        assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
        return registered.json().get("id").asString();
    }

    public String apnsDevice(String userId, String token) {
        return device(userId, apns(token));
    }

    public String fcmDevice(String userId, String token) {
        return device(userId, fcm(token));
    }

    public String webPushDevice(String userId, FakePushService.Subscription subscription) {
        return device(userId, webPush(subscription));
    }

    public static Map<String, Object> apns(String token) {
        return Map.of("provider", "apns", "token", token, "environment", "production");
    }

    public static Map<String, Object> fcm(String token) {
        return Map.of("provider", "fcm", "token", token);
    }

    public static Map<String, Object> webPush(FakePushService.Subscription subscription) {
        return Map.of("provider", "webpush", "subscription", Map.of(
                "endpoint", subscription.address().endpoint().toString(),
                "keys", Map.of("p256dh", subscription.address().p256dh(), "auth", subscription.address().auth())));
    }

    /** A push with a title and body to {@code target}, plus any further fields; answers its id. */
    public String push(Map<String, Object> target, String title, String body, Object... more) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("target", target);
        request.put("notification", Map.of("title", title, "body", body));
        for (int i = 0; i < more.length; i += 2) {
            request.put((String) more[i], more[i + 1]);
        }
        Api.Response created = client().post("/v1/push", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        return created.json().get("pushId").asString();
    }

    public static Map<String, Object> users(List<String> users) {
        return Map.of("users", users);
    }

    public JsonNode job(String pushId) {
        Api.Response job = client().get("/v1/push/" + pushId);
        assertThat(job.status()).as(job.toString()).isEqualTo(200);
        return job.json();
    }

    /** Waits until every delivery of the push is final, and answers the job. */
    public JsonNode completed(String pushId, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> "completed".equals(job(pushId).get("state").asString()));
        return job(pushId);
    }

    public JsonNode completed(String pushId) {
        return completed(pushId, Duration.ofSeconds(30));
    }

    /** The push's delivery to one device. */
    public JsonNode delivery(String pushId, String deviceId) {
        Api.Response page = client().get("/v1/push/" + pushId + "/deliveries?limit=200");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream()
                .filter(item -> item.get("deviceId").asString().equals(deviceId))
                .findFirst().orElseThrow(() -> new AssertionError("No delivery to " + deviceId + " in " + page));
    }

    /**
     * Many APNs devices at once, written with SQL (the API would take minutes): users {@code user-1} to
     * {@code user-<users>}, tagged {@code fans}, sharing out {@code devices} production tokens that the APNs fake
     * accepts in bulk; answers the tokens.
     */
    public List<String> bulkApnsDevices(TenantDatabase database, MockApns apns, int users, int devices) {
        List<String> tokens = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            tokens.add(apns.newBulkToken());
        }
        TenantId tenant = new TenantId(UUID.fromString(app.owner().tenantId()));
        UUID appId = UUID.fromString(appId());
        database.runInTenant(tenant, () -> {
            database.jdbc().sql("""
                            insert into end_users (tenant_id, app_id, user_id, tags)
                            select ?, ?, 'user-' || i, '{fans}' from generate_series(1, ?) i""")
                    .params(tenant.value(), appId, users).update();
            database.jdbc().sql("""
                            insert into push_devices (tenant_id, app_id, id, user_id, provider, token, environment)
                            select ?, ?, gen_random_uuid(), 'user-' || (n % ? + 1), 'apns', t, 'production'
                              from unnest(cast(? as text[])) with ordinality as d(t, n)""")
                    .params(tenant.value(), appId, users, tokens.toArray(String[]::new)).update();
        });
        return tokens;
    }

    public JsonNode devices(String userId) {
        Api.Response list = client().get("/v1/users/" + userId + "/devices");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items");
    }
}
