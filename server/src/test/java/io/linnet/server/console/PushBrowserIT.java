package io.linnet.server.console;

import io.linnet.server.push.PushApp;
import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ProviderFakes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Push page in a real browser: a test push sent from the console reaches APNs, a user's devices are found, and
 * what offline chat notifications show is chosen.
 */
class PushBrowserIT extends InBrowser {

    @Test
    void an_owner_sends_a_test_push_that_reaches_apns_and_sees_it_delivered_and_looks_up_the_users_devices() {
        MockApns apns = ProviderFakes.apns();
        PushApp app = PushApp.create(api(), fixtures(), "Push Console Co");
        app.users("zoe");
        String token = apns.newLiveToken();
        app.apnsDevice("zoe", token);

        PushPage page = signInAndOpen(app, "push-console-");
        assertThat(page.emptyStateTitle()).isEqualTo("No pushes yet");
        browser.screenshot("push-empty");

        String confirmation = page.sendTestPushToUser("zoe", "Hello from the console", "Can you see this?");
        assertThat(confirmation).contains("user zoe");
        page.awaitCompleted();
        assertThat(page.listShows("user zoe")).isTrue();
        assertThat(page.listShows("Hello from the console")).isTrue();
        browser.screenshot("push-test-delivered");

        await().atMost(Duration.ofSeconds(10)).until(() -> apns.accepted(token) == 1);
        JsonNode payload = Api.JSON.readTree(apns.payload(token));
        assertThat(payload.get("aps").get("alert").get("title").asString()).isEqualTo("Hello from the console");
        JsonNode job = app.client().get("/v1/push").json().get("items").get(0);
        assertThat(job.get("origin").asString()).isEqualTo("console");
        assertThat(job.get("counts").get("delivered").asInt()).isEqualTo(1);
        JsonNode audit = app.app().owner().client().get("/manage/v1/audit").json().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("push.test_sent");

        page.lookUpDevices("zoe").awaitDevice("apns");
        page.awaitDevice("valid");
        browser.screenshot("push-devices");
        page.lookUpDevices("nobody");
        assertThat(page.lookUpError()).isEqualTo("No user with this id in this app");
        assertThat(page.lookUpEmptyState()).as("zoe's devices are gone from under the new search").isEqualTo("No such user");
        assertThat(page.showsDevices()).isFalse();
        assertThat(browser.notificationSays("not found")).isFalse();
        page.lookUpDevices("zoe").awaitDevice("apns");
        page.lookUpDevices("");
        assertThat(page.lookUpError()).isEqualTo("Enter a user id");
        assertThat(page.showsDevices()).isFalse();
    }

    @Test
    void a_test_push_to_a_user_the_app_does_not_have_is_refused_beside_the_field_and_never_queued() {
        PushApp app = PushApp.create(api(), fixtures(), "Push Unknown Co");
        PushPage page = signInAndOpen(app, "push-unknown-");

        assertThat(page.testPushRefused("")).isEqualTo("Enter a user id");
        assertThat(page.testPushRefused("nobody-here")).isEqualTo("No user with this id in this app");
        assertThat(browser.notificationSays("queued")).isFalse();
        assertThat(browser.notificationSays("invalid user id")).isFalse();
        assertThat(app.client().get("/v1/push").json().get("items").size()).as("nothing was queued").isZero();
    }

    @Test
    void an_owner_chooses_what_offline_chat_notifications_show_and_the_api_says_the_same() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Offline Console Co");
        PushPage page = signInAndOpen(app, "offline-console-");

        assertThat(page.saveOfflinePreview("Sender only, not the text")).contains("Sender only");
        browser.screenshot("push-offline-sender-only");
        JsonNode policy = app.client().get("/v1/push/offline").json();
        assertThat(policy.get("enabled").asBoolean()).isTrue();
        assertThat(policy.get("preview").asString()).isEqualTo("sender");
        JsonNode audit = app.app().owner().client().get("/manage/v1/audit").json().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("push.offline_policy_changed");

        page.turnOfflinePushOff();
        assertThat(app.client().get("/v1/push/offline").json().get("enabled").asBoolean()).isFalse();
    }

    /** Names the app uniquely (the menu's app picker lists it by name), signs its owner in and opens its Push page. */
    private PushPage signInAndOpen(PushApp app, String namePrefix) {
        String appName = namePrefix + UUID.randomUUID().toString().substring(0, 8);
        assertThat(app.app().owner().client().patch("/manage/v1/apps/" + app.appId(), java.util.Map.of("name", appName))
                .status()).isEqualTo(200);
        new SignIn(browser).as(app.app().owner().email(), Fixtures.PASSWORD);
        return new PushPage(browser).openFromMenu(appName);
    }
}
