package io.linnet.server.push;

import com.eatthepath.pushy.apns.server.RejectionReason;
import io.linnet.push.fcm.FakeFcmServer;
import io.linnet.push.webpush.FakePushService;
import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushes end to end through the real server against local providers: APNs (Pushy's validating mock, token auth,
 * TLS and HTTP/2), FCM (a fake that checks the OAuth exchange and the v1 message) and Web Push (a push service that
 * decrypts every payload and verifies VAPID). Dead tokens invalidate devices; 429 with Retry-After is retried no
 * sooner; 5xx backs off and retries; a notification past its TTL is given up.
 */
class PushDeliveryIT extends ServerIT {

    private final MockApns apns = ProviderFakes.apns();
    private final FakeFcmServer fcm = ProviderFakes.fcm();

    @Test
    void an_apns_notification_reaches_the_validating_mock_with_its_fields_and_is_recorded_as_delivered() {
        PushApp app = PushApp.create(api(), fixtures(), "Push APNs");
        app.users("ada");
        String token = apns.newLiveToken();
        String device = app.apnsDevice("ada", token);

        String push = app.push(PushApp.users(List.of("ada")), "Hello Ada", "Your order shipped",
                "collapseKey", "order-42", "priority", "normal", "ttlSeconds", 600);
        JsonNode job = app.completed(push);

        assertThat(PushJobCounts.of(job)).containsExactly(1, 0, 1, 1, 0);
        assertThat(apns.accepted(token)).isEqualTo(1);
        JsonNode payload = Api.JSON.readTree(apns.payload(token));
        assertThat(payload.get("aps").get("alert").get("title").asString()).isEqualTo("Hello Ada");
        assertThat(payload.get("aps").get("alert").get("body").asString()).isEqualTo("Your order shipped");
        JsonNode delivery = app.delivery(push, device);
        assertThat(delivery.get("state").asString()).isEqualTo("delivered");
        assertThat(delivery.get("reason").asString()).isEqualTo("Accepted");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("providerMessageId").asString()).isNotBlank();
    }

    @Test
    void data_badge_sound_image_and_per_platform_overrides_reach_apns_and_fcm() {
        PushApp app = PushApp.create(api(), fixtures(), "Push Fields");
        app.users("bea");
        String apnsToken = apns.newLiveToken();
        app.apnsDevice("bea", apnsToken);
        String fcmToken = "fcm-fields-" + UUID.randomUUID();
        app.fcmDevice("bea", fcmToken);

        Api.Response created = app.client().post("/v1/push", Map.of(
                "target", Map.of("users", List.of("bea")),
                "notification", Map.of("title", "Sale", "body", "50% off", "data", Map.of("orderId", "o-1", "n", 3),
                        "badge", 7, "sound", "chime.caf", "image", "https://cdn.example.com/sale.png"),
                "overrides", Map.of("apns", Map.of("aps", Map.of("thread-id", "sales")),
                        "fcm", Map.of("android", Map.of("notification", Map.of("channel_id", "offers"))))));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        JsonNode job = app.completed(created.json().get("pushId").asString());
        assertThat(PushJobCounts.of(job)).containsExactly(2, 0, 2, 2, 0);

        JsonNode aps = Api.JSON.readTree(apns.payload(apnsToken));
        assertThat(aps.get("aps").get("badge").asInt()).isEqualTo(7);
        assertThat(aps.get("aps").get("sound").asString()).isEqualTo("chime.caf");
        assertThat(aps.get("aps").get("thread-id").asString()).isEqualTo("sales");
        assertThat(aps.get("orderId").asString()).isEqualTo("o-1");

        JsonNode message = fcmMessage(fcmToken);
        assertThat(message.get("notification").get("title").asString()).isEqualTo("Sale");
        assertThat(message.get("notification").get("image").asString()).isEqualTo("https://cdn.example.com/sale.png");
        assertThat(message.get("data").get("n").asString()).as("FCM data values are strings").isEqualTo("3");
        assertThat(message.get("android").get("notification").get("channel_id").asString()).isEqualTo("offers");
        assertThat(fcm.problems()).isEmpty();
    }

    @Test
    void a_web_push_notification_is_encrypted_for_the_subscription_and_signed_with_the_apps_vapid_key() throws Exception {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Push Web");
        String publicKey = app.generateVapidKeys();
        try (FakePushService service = new FakePushService(publicKey)) {
            app.users("cy");
            FakePushService.Subscription subscription = service.subscribe();
            String device = app.webPushDevice("cy", subscription);

            String push = app.push(Map.of("devices", List.of(device)), "Web hello", "From the browser fake",
                    "collapseKey", "greeting");
            JsonNode job = app.completed(push);

            assertThat(PushJobCounts.of(job)).containsExactly(1, 0, 1, 1, 0);
            assertThat(service.problems()).isEmpty();
            assertThat(service.received()).hasSize(1);
            JsonNode payload = Api.JSON.readTree(service.received().getFirst().payload());
            assertThat(payload.toString()).contains("Web hello").contains("From the browser fake");
            assertThat(service.received().getFirst().vapidClaims().get("sub").asString()).isEqualTo("mailto:push@linnet.test");
        }
    }

    @Test
    void dead_tokens_of_every_provider_invalidate_their_devices_which_later_pushes_skip() throws Exception {
        PushApp app = PushApp.create(api(), fixtures(), "Push Dead Tokens");
        String publicKey = app.generateVapidKeys();
        try (FakePushService service = new FakePushService(publicKey)) {
            app.users("dee");
            String gone = app.apnsDevice("dee", apns.newUnregisteredToken());
            String fcmToken = "fcm-dead-" + UUID.randomUUID();
            fcm.reply(fcmToken, FakeFcmServer.Reply.error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found."));
            String unregistered = app.fcmDevice("dee", fcmToken);
            String expired = app.webPushDevice("dee", service.subscribe(410, Map.of()));
            String live = app.apnsDevice("dee", apns.newLiveToken());

            JsonNode job = app.completed(app.push(PushApp.users(List.of("dee")), "Hi", "Anyone there?"));

            assertThat(PushJobCounts.of(job)).containsExactly(4, 0, 4, 1, 3);
            assertThat(PushJobCounts.failedByReason(job)).containsOnly(Map.entry("Unregistered", 1), Map.entry("UNREGISTERED", 1),
                    Map.entry("410 Gone", 1));
            Map<String, JsonNode> devices = new java.util.HashMap<>();
            app.devices("dee").forEach(d -> devices.put(d.get("id").asString(), d));
            assertThat(devices.get(gone).get("valid").asBoolean()).isFalse();
            assertThat(devices.get(gone).get("invalidReason").asString()).isEqualTo("Unregistered");
            assertThat(devices.get(unregistered).get("invalidReason").asString()).isEqualTo("UNREGISTERED");
            assertThat(devices.get(expired).get("invalidReason").asString()).isEqualTo("410 Gone");
            assertThat(devices.get(expired).get("invalidAt").asString()).isNotBlank();
            assertThat(devices.get(live).get("valid").asBoolean()).isTrue();

            JsonNode next = app.completed(app.push(PushApp.users(List.of("dee")), "Hi again", "Only the live one"));
            assertThat(PushJobCounts.of(next)).as("invalid devices are skipped").containsExactly(1, 0, 1, 1, 0);
        }
    }

    @Test
    void a_429_with_retry_after_is_retried_no_sooner_than_asked() throws Exception {
        PushApp app = PushApp.create(api(), fixtures(), "Push Retry After");
        String publicKey = app.generateVapidKeys();
        try (FakePushService service = new FakePushService(publicKey)) {
            app.users("eli");
            String fcmToken = "fcm-429-" + UUID.randomUUID();
            fcm.replyFirst(fcmToken, FakeFcmServer.Reply.error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Slow down")
                    .withHeader("Retry-After", "2"));
            String fcmDevice = app.fcmDevice("eli", fcmToken);
            FakePushService.Subscription subscription = service.subscribeAnsweringFirst(
                    new FakePushService.Reply(429, Map.of("Retry-After", "2")));
            String webDevice = app.webPushDevice("eli", subscription);

            String push = app.push(PushApp.users(List.of("eli")), "Patience", "Worth the wait");
            JsonNode job = app.completed(push);

            assertThat(PushJobCounts.of(job)).containsExactly(2, 0, 2, 2, 0);
            List<Instant> fcmAttempts = fcm.requests(fcmToken);
            assertThat(fcmAttempts).hasSize(2);
            assertThat(Duration.between(fcmAttempts.get(0), fcmAttempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            List<Instant> webAttempts = service.requests(subscription.id());
            assertThat(webAttempts).hasSize(2);
            assertThat(Duration.between(webAttempts.get(0), webAttempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(app.delivery(push, fcmDevice).get("attempts").asInt()).isEqualTo(2);
            assertThat(app.delivery(push, webDevice).get("attempts").asInt()).isEqualTo(2);
            assertThat(service.problems()).isEmpty();
        }
    }

    @Test
    void server_errors_back_off_and_are_retried_until_accepted() {
        PushApp app = PushApp.create(api(), fixtures(), "Push 5xx");
        app.users("fin");
        String token = apns.newLiveToken();
        apns.refuseFirst(token, RejectionReason.INTERNAL_SERVER_ERROR, RejectionReason.SERVICE_UNAVAILABLE);
        String device = app.apnsDevice("fin", token);
        String fcmToken = "fcm-503-" + UUID.randomUUID();
        fcm.replyFirst(fcmToken, FakeFcmServer.Reply.error(503, "UNAVAILABLE", "UNAVAILABLE", "Try later"));
        app.fcmDevice("fin", fcmToken);

        String push = app.push(PushApp.users(List.of("fin")), "Persist", "Third time lucky");
        JsonNode job = app.completed(push);

        assertThat(PushJobCounts.of(job)).containsExactly(2, 0, 2, 2, 0);
        assertThat(apns.accepted(token)).isEqualTo(1);
        List<Instant> attempts = apns.requests(token);
        assertThat(attempts).hasSize(3);
        Duration firstWait = Duration.between(attempts.get(0), attempts.get(1));
        Duration secondWait = Duration.between(attempts.get(1), attempts.get(2));
        // retry-base is 0.2 s in these tests: the first wait is 0.1-0.2 s, the second 0.2-0.4 s
        assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        JsonNode delivery = app.delivery(push, device);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("state").asString()).isEqualTo("delivered");
        assertThat(fcm.requests(fcmToken)).hasSize(2);
    }

    @Test
    void a_notification_that_cannot_get_through_before_its_ttl_fails_with_the_providers_last_reason() {
        PushApp app = PushApp.create(api(), fixtures(), "Push TTL");
        app.users("gil");
        String fcmToken = "fcm-down-" + UUID.randomUUID();
        fcm.reply(fcmToken, FakeFcmServer.Reply.error(503, "UNAVAILABLE", "UNAVAILABLE", "Down for maintenance"));
        String device = app.fcmDevice("gil", fcmToken);

        String push = app.push(PushApp.users(List.of("gil")), "Flash sale", "Ends in a second", "ttlSeconds", 2);
        JsonNode job = app.completed(push, Duration.ofSeconds(20));

        assertThat(PushJobCounts.of(job)).containsExactly(1, 0, 1, 0, 1);
        assertThat(PushJobCounts.failedByReason(job)).containsOnly(Map.entry("UNAVAILABLE", 1));
        assertThat(app.delivery(push, device).get("attempts").asInt()).isGreaterThan(1);
        assertThat(Instant.parse(job.get("completedAt").asString()))
                .isBefore(Instant.parse(job.get("expiresAt").asString()).plusSeconds(1));
    }

    @Test
    void an_app_without_credentials_records_why_nothing_was_sent() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Push No Credential");
        app.users("hugo");
        String device = app.apnsDevice("hugo", apns.newLiveToken());
        String push = app.push(PushApp.users(List.of("hugo")), "Nobody", "hears this");
        JsonNode job = app.completed(push);
        assertThat(PushJobCounts.of(job)).containsExactly(1, 0, 0, 0, 1);
        assertThat(PushJobCounts.failedByReason(job)).containsOnly(Map.entry("NoCredential", 1));
        assertThat(app.delivery(push, device).get("attempts").asInt()).isZero();
    }

    @Test
    void tags_and_the_whole_app_target_exactly_the_matching_valid_devices() {
        PushApp app = PushApp.create(api(), fixtures(), "Push Targeting");
        for (var user : Map.of("ivy", List.of("vip", "de"), "jon", List.of("vip"), "kim", List.of("de"), "lou", List.<String>of())
                .entrySet()) {
            assertThat(app.client().put("/v1/users/" + user.getKey(), Map.of("tags", user.getValue())).status()).isEqualTo(201);
            app.apnsDevice(user.getKey(), apns.newBulkToken());
        }
        app.apnsDevice("ivy", apns.newBulkToken());

        assertThat(PushJobCounts.of(app.completed(app.push(Map.of("tags", Map.of("any", List.of("vip"))), "t", "b")))[0]).isEqualTo(3);
        assertThat(PushJobCounts.of(app.completed(app.push(Map.of("tags", Map.of("all", List.of("vip", "de"))), "t", "b")))[0]).isEqualTo(2);
        assertThat(PushJobCounts.of(app.completed(app.push(Map.of("tags", Map.of("any", List.of("fr"))), "t", "b")))[0]).isZero();
        assertThat(PushJobCounts.of(app.completed(app.push(Map.of("all", true), "t", "b")))).containsExactly(5, 0, 5, 5, 0);
        assertThat(PushJobCounts.of(app.completed(app.push(PushApp.users(List.of("kim", "lou", "nobody")), "t", "b")))[0]).isEqualTo(2);
    }

    private JsonNode fcmMessage(String token) {
        return fcm.messages().stream().filter(m -> m.get("token").asString().equals(token)).findFirst()
                .orElseThrow(() -> new AssertionError("FCM got nothing for " + token));
    }
}
