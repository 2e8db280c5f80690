package io.linnet.server.push;

import io.linnet.push.credential.GeneratedCredentials;
import io.linnet.push.fcm.FakeFcmServer;
import io.linnet.push.webpush.FakePushService;
import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two live credentials per provider, so that a rotation has no gap: when the provider refuses the newest one as a
 * credential, the delivery goes out with the other one instead of failing, and the refused credential says so
 * wherever credentials are listed.
 */
class PushCredentialFailoverIT extends ServerIT {

    private final MockApns apns = ProviderFakes.apns();
    private final FakeFcmServer fcm = ProviderFakes.fcm();

    @Test
    void a_newer_apns_key_that_apns_refuses_falls_back_to_the_older_one_and_shows_why() {
        PushApp app = PushApp.create(api(), fixtures(), "Failover APNs");
        // a key APNs does not know, as after revoking it in Apple's developer account: InvalidProviderToken
        String revoked = upload(app, Map.of("kind", "APNS_TOKEN", "file", GeneratedCredentials.base64(GeneratedCredentials.p8()),
                "keyId", "REVOKED123", "teamId", MockApns.TEAM_ID, "topic", MockApns.TOPIC, "label", "Revoked key"));
        app.users("amy");
        String token = apns.newLiveToken();
        String device = app.apnsDevice("amy", token);

        String push = app.push(Map.of("devices", List.of(device)), "Hi", "Through the older key");
        JsonNode job = app.completed(push);

        assertThat(PushJobCounts.of(job)).containsExactly(1, 0, 1, 1, 0);
        assertThat(app.delivery(push, device).get("attempts").asInt()).as("one attempt, two credentials").isEqualTo(1);
        assertThat(apns.accepted(token)).isEqualTo(1);
        assertThat(apns.requests(token)).as("refused with the newer key, accepted with the older").hasSize(2);
        assertThat(rejection(app, revoked)).isEqualTo("InvalidProviderToken");

        JsonNode next = app.completed(app.push(Map.of("devices", List.of(device)), "Hi again", "Straight through"));
        assertThat(PushJobCounts.of(next)).containsExactly(1, 0, 1, 1, 0);
        assertThat(apns.requests(token)).as("the refused key is tried last for a while, so not first again").hasSize(3);
    }

    @Test
    void a_newer_fcm_service_account_whose_key_google_refuses_falls_back_to_the_older_one_and_shows_why() {
        PushApp app = PushApp.create(api(), fixtures(), "Failover FCM");
        String revoked = upload(app, Map.of("kind", "FCM", "file", GeneratedCredentials.base64(
                fcm.serviceAccountJsonWithARevokedKey().getBytes(StandardCharsets.UTF_8)), "label", "Revoked key"));
        int refusedBefore = fcm.revokedKeyGrants();
        app.users("bob");
        String token = "fcm-failover-" + DevicesIT.token();
        String device = app.fcmDevice("bob", token);

        JsonNode job = app.completed(app.push(Map.of("devices", List.of(device)), "Hi", "Through the older account"));

        assertThat(PushJobCounts.of(job)).containsExactly(1, 0, 1, 1, 0);
        assertThat(fcm.requests(token)).hasSize(1);
        assertThat(fcm.revokedKeyGrants()).as("the newer account was tried").isGreaterThan(refusedBefore);
        assertThat(rejection(app, revoked)).startsWith("Access token refused: 400 invalid_grant");
    }

    @Test
    void a_newer_vapid_key_the_push_service_refuses_falls_back_to_the_one_the_subscription_was_made_for() throws Exception {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Failover Web Push");
        String older = app.generateVapidKeys();
        try (FakePushService service = new FakePushService(older)) {
            app.users("cal");
            String device = app.webPushDevice("cal", service.subscribe());
            // generated after the subscription: the push service refuses its VAPID signature (403)
            String newer = app.generateVapidKeys();

            JsonNode job = app.completed(app.push(Map.of("devices", List.of(device)), "Hi", "Through the older key"));

            assertThat(PushJobCounts.of(job)).containsExactly(1, 0, 1, 1, 0);
            assertThat(service.received()).hasSize(1);
            assertThat(service.problems()).isEmpty();
            String newerId = credentials(app).filter(c -> c.path("metadata").path("publicKey").asString("").equals(newer))
                    .findFirst().orElseThrow().get("id").asString();
            assertThat(rejection(app, newerId)).as("the newer key was tried first").isEqualTo("403 Forbidden");
        }
    }

    private static String upload(PushApp app, Map<String, Object> body) {
        Api.Response uploaded = app.app().owner().client().post("/manage/v1/apps/" + app.appId() + "/push-credentials", body);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get("id").asString();
    }

    /**
     * The reason the provider last refused the credential for, as the management API lists it; written beside the
     * sending, so it may follow the delivery's outcome by a moment.
     */
    private static String rejection(PushApp app, String credentialId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> lastRejection(app, credentialId), reason -> !reason.isEmpty());
    }

    private static String lastRejection(PushApp app, String credentialId) {
        JsonNode credential = credentials(app).filter(item -> item.get("id").asString().equals(credentialId))
                .findFirst().orElseThrow();
        return credential.path("lastRejection").path("reason").asString("");
    }

    private static Stream<JsonNode> credentials(PushApp app) {
        return app.app().owner().client().get("/manage/v1/apps/" + app.appId() + "/push-credentials")
                .json().get("items").valueStream();
    }
}
