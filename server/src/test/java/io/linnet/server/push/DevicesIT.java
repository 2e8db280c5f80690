package io.linnet.server.push;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Devices over HTTP: registration of each provider's kind, idempotence per token, listing, removal, scope, isolation. */
class DevicesIT extends ServerIT {

    @Autowired
    TenantDatabase database;

    private static final String P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
    private static final String AUTH = "tBHItJI5svbpez7KI4CCXg";

    static String token() {
        byte[] token = new byte[32];
        ThreadLocalRandom.current().nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    @Test
    void a_user_registers_an_apns_token_an_fcm_token_and_a_web_push_subscription_and_lists_them() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Devices Kinds");
        app.users("mia");
        String apnsToken = token().toUpperCase();
        Api.Response apns = app.register("mia", Map.of("provider", "apns", "token", apnsToken, "environment", "sandbox",
                "appVersion", "4.2.0", "locale", "de-DE"));
        assertThat(apns.status()).as(apns.toString()).isEqualTo(201);
        assertThat(apns.header("Location")).isEqualTo("/v1/users/mia/devices/" + apns.json().get("id").asString());
        assertThat(apns.json().get("token").asString()).as("APNs answers tokens in lower case").isEqualTo(apnsToken.toLowerCase());
        assertThat(apns.json().get("environment").asString()).isEqualTo("sandbox");
        assertThat(apns.json().get("appVersion").asString()).isEqualTo("4.2.0");
        assertThat(apns.json().get("locale").asString()).isEqualTo("de-DE");
        assertThat(apns.json().get("valid").asBoolean()).isTrue();

        Api.Response fcm = app.register("mia", Map.of("provider", "fcm", "token", "fcm:APA91b-" + token()));
        assertThat(fcm.status()).as(fcm.toString()).isEqualTo(201);
        assertThat(fcm.json().has("environment")).isFalse();

        Api.Response web = app.register("mia", Map.of("provider", "webpush", "subscription", Map.of(
                "endpoint", "https://fcm.googleapis.com/fcm/send/abc:" + token(), "keys", Map.of("p256dh", P256DH, "auth", AUTH))));
        assertThat(web.status()).as(web.toString()).isEqualTo(201);
        assertThat(web.json().get("subscription").get("keys").get("auth").asString()).isEqualTo(AUTH);
        assertThat(web.json().has("token")).isFalse();

        JsonNode devices = app.devices("mia");
        assertThat(devices.valueStream().map(d -> d.get("provider").asString()).toList())
                .containsExactlyInAnyOrder("apns", "fcm", "webpush");
        assertThat(devices.valueStream().map(d -> d.get("userId").asString()).distinct().toList()).containsExactly("mia");
    }

    @Test
    void registering_a_token_again_refreshes_the_device_and_moves_it_to_whoever_registered_it() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Devices Again");
        app.users("ann", "ben");
        String token = token();
        Api.Response first = app.register("ann", PushApp.apns(token));
        assertThat(first.status()).isEqualTo(201);
        Instant anHourAgo = lastSeenAnHourAgo(app, first.json().get("id").asString());

        Api.Response again = app.register("ann", Map.of("provider", "apns", "token", token, "environment", "production",
                "appVersion", "2.0"));
        assertThat(again.status()).as("the same token is the same device").isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(Instant.parse(again.json().get("lastSeenAt").asString())).as("seen again now, not an hour ago")
                .isAfter(anHourAgo.plus(Duration.ofMinutes(59)))
                .isAfterOrEqualTo(Instant.parse(first.json().get("lastSeenAt").asString()));
        assertThat(again.json().get("appVersion").asString()).isEqualTo("2.0");

        Api.Response moved = app.register("ben", PushApp.apns(token));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("userId").asString()).isEqualTo("ben");
        assertThat(app.devices("ann")).as("a phone that changed hands is no longer the first user's").isEmpty();
        assertThat(app.devices("ben").valueStream().map(d -> d.get("id").asString()).toList())
                .containsExactly(first.json().get("id").asString());
    }

    /** Moves the device's last-seen time an hour back, so that a refresh shows without waiting for the clock. */
    private Instant lastSeenAnHourAgo(PushApp app, String deviceId) {
        TenantId tenant = new TenantId(UUID.fromString(app.app().owner().tenantId()));
        return database.inTenant(tenant, () -> database.jdbc().sql("""
                        update push_devices set last_seen_at = last_seen_at - interval '1 hour'
                         where tenant_id = ? and app_id = ? and id = ? returning last_seen_at""")
                .params(tenant.value(), UUID.fromString(app.appId()), UUID.fromString(deviceId))
                .query(Timestamp.class).single().toInstant());
    }

    @Test
    void a_device_is_removed_once_and_then_not_found() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Devices Removal");
        app.users("cat");
        String device = app.apnsDevice("cat", token());
        String other = app.fcmDevice("cat", "fcm-" + token());

        assertThat(app.client().delete("/v1/users/cat/devices/" + device).status()).isEqualTo(204);
        app.client().delete("/v1/users/cat/devices/" + device).assertProblem(404, "not_found");
        assertThat(app.devices("cat").valueStream().map(d -> d.get("id").asString()).toList()).containsExactly(other);
    }

    @Test
    void deleting_a_user_deletes_their_devices() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Devices Of Deleted");
        app.users("dan");
        app.apnsDevice("dan", token());
        assertThat(app.client().delete("/v1/users/dan").status()).isEqualTo(204);
        app.users("dan");
        assertThat(app.devices("dan")).isEmpty();
    }

    @Test
    void devices_need_the_push_scope_and_an_existing_user() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Devices Scope");
        app.users("eve");
        Api.Client usersOnly = app.app().withScopes(api(), "users", "messages");
        usersOnly.post("/v1/users/eve/devices", PushApp.apns(token())).assertProblem(403, "forbidden");
        usersOnly.get("/v1/users/eve/devices").assertProblem(403, "forbidden");
        app.register("nobody", PushApp.apns(token())).assertProblem(404, "not_found");
        app.client().get("/v1/users/nobody/devices").assertProblem(404, "not_found");
        assertThat(app.devices("eve")).isEmpty();
    }

    @Test
    void another_tenants_users_and_devices_are_not_found_and_nothing_of_theirs_changes() {
        PushApp mine = PushApp.withoutCredentials(api(), fixtures(), "Devices Mine");
        PushApp theirs = PushApp.withoutCredentials(api(), fixtures(), "Devices Theirs");
        mine.users("fay");
        theirs.users("gus");
        String token = token();
        String myDevice = mine.apnsDevice("fay", token);
        String theirDevice = theirs.fcmDevice("gus", "fcm-" + token());

        theirs.client().get("/v1/users/fay/devices").assertProblem(404, "not_found");
        theirs.client().delete("/v1/users/fay/devices/" + myDevice).assertProblem(404, "not_found");
        theirs.client().delete("/v1/users/gus/devices/" + myDevice).assertProblem(404, "not_found");
        mine.client().delete("/v1/users/gus/devices/" + theirDevice).assertProblem(404, "not_found");
        mine.register("gus", PushApp.apns(token())).assertProblem(404, "not_found");

        Api.Response sameToken = theirs.register("gus", PushApp.apns(token));
        assertThat(sameToken.status()).as("a token is unique per app, not across apps").isEqualTo(201);
        assertThat(sameToken.json().get("id").asString()).isNotEqualTo(myDevice);

        assertThat(mine.devices("fay").valueStream().map(d -> d.get("id").asString()).toList()).containsExactly(myDevice);
        assertThat(mine.devices("fay").get(0).get("userId").asString()).isEqualTo("fay");
        assertThat(theirs.devices("gus")).hasSize(2);
    }

    @Test
    void bad_registrations_are_refused_with_a_problem_that_says_what_is_wrong() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Devices Bad Input");
        app.users("hal");
        String hex = token();
        record Bad(Object body, String detail) {
        }
        List<Bad> cases = List.of(
                new Bad(Map.of("token", hex), "provider must be"),
                new Bad(Map.of("provider", "hms", "token", hex), "provider must be"),
                new Bad(Map.of("provider", "apns", "token", hex), "environment is required for APNs"),
                new Bad(Map.of("provider", "apns", "token", hex, "environment", "staging"), "environment must be sandbox or production"),
                new Bad(Map.of("provider", "apns", "environment", "sandbox"), "token is required"),
                new Bad(Map.of("provider", "apns", "token", "not-hex", "environment", "sandbox"), "token must be an APNs device token"),
                new Bad(Map.of("provider", "fcm", "token", "has spaces in it"), "token must be an FCM registration token"),
                new Bad(Map.of("provider", "fcm", "token", "abc", "environment", "sandbox"), "environment applies to APNs devices only"),
                new Bad(Map.of("provider", "webpush"), "subscription is required for Web Push"),
                new Bad(Map.of("provider", "apns", "token", hex, "environment", "sandbox",
                        "subscription", Map.of("endpoint", "https://x.example")), "subscription is for Web Push devices"),
                new Bad(Map.of("provider", "webpush", "token", "abc", "subscription", Map.of("endpoint", "https://push.example/1",
                        "keys", Map.of("p256dh", P256DH, "auth", AUTH))), "not a token"),
                new Bad(Map.of("provider", "webpush", "subscription", Map.of("endpoint", "http://push.example/1",
                        "keys", Map.of("p256dh", P256DH, "auth", AUTH))), "subscription.endpoint must be an https URL"),
                new Bad(Map.of("provider", "webpush", "subscription", Map.of("endpoint", "https://push.example/1",
                        "keys", Map.of("p256dh", "AAAA", "auth", AUTH))), "subscription.keys.p256dh must be a P-256 public key"),
                new Bad(Map.of("provider", "webpush", "subscription", Map.of("endpoint", "https://push.example/1",
                        "keys", Map.of("p256dh", P256DH))), "subscription.keys.auth is required"),
                new Bad(Map.of("provider", "fcm", "token", "abc", "locale", "not a locale!"), "locale must be a language tag"),
                new Bad(Map.of("provider", "fcm", "token", "abc", "appVersion", "x".repeat(65)), "appVersion must be 1 to 64"));
        for (Bad bad : cases) {
            Api.Response refused = app.client().post("/v1/users/hal/devices", bad.body());
            refused.assertProblem(400, "invalid_request");
            assertThat(refused.json().get("detail").asString()).as(bad.toString()).contains(bad.detail());
        }
        app.client().raw("POST", "/v1/users/hal/devices", "application/json", "{not json").assertProblem(400, "invalid_request");
        app.client().raw("POST", "/v1/users/hal/devices", "application/json", "").assertProblem(400, "invalid_request");
        app.client().post("/v1/users/bad%20id/devices", PushApp.fcm("abc")).assertProblem(400, "invalid_request");
        app.client().delete("/v1/users/hal/devices/not-a-uuid").assertProblem(404, "not_found");
        assertThat(app.devices("hal")).as("nothing was written").isEmpty();
    }
}
