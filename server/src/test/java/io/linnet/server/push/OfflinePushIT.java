package io.linnet.server.push;

import io.linnet.messaging.MessageSent;
import io.linnet.messaging.message.MessageSentOutbox;
import io.linnet.push.fcm.FakeFcmServer;
import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Offline push for chat, end to end: a message to a member who has no WebSocket connection and a registered device
 * becomes one notification at the provider, a burst of messages collapses into one, the app's preview policy
 * decides what the lock screen shows, a member who is connected gets none, and a notification whose turn was lost
 * (the announcement of the message failed before offline push ran) is made when the message is announced again.
 */
class OfflinePushIT extends ServerIT {

    private final MockApns apns = ProviderFakes.apns();
    private final FakeFcmServer fcm = ProviderFakes.fcm();

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MessageSentOutbox outbox;

    @Autowired
    PlatformDatabase platform;

    /**
     * Runs before every other listener of the app's MessageSent and fails, as a node that stops after the message's
     * commit and before its listeners have run: offline push does not hear of the message this time.
     */
    private record FailingFirst(String appId, CompletableFuture<MessageSent> failed)
            implements ApplicationListener<PayloadApplicationEvent<?>>, Ordered {

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            if (event.getPayload() instanceof MessageSent sent && sent.appId().toString().equals(appId)) {
                failed.complete(sent);
                throw new IllegalStateException("the node stops here");
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Test
    void a_message_whose_announcement_failed_before_offline_push_ran_is_notified_when_announced_again() throws Exception {
        PushApp app = PushApp.create(api(), fixtures(), "Offline Again");
        app.users("kim", "lou");
        String token = apns.newLiveToken();
        app.apnsDevice("lou", token);
        String conversation = app.app().direct("kim", "lou");
        FailingFirst failing = new FailingFirst(app.app().appId(), new CompletableFuture<>());
        context.addApplicationListener(failing);
        String messageId;
        try {
            messageId = app.app().sent(conversation, "kim", "again-1", "Did you get this?").get("messageId").asString();
            assertThat(failing.failed().get(10, TimeUnit.SECONDS).messageId().toString()).isEqualTo(messageId);
        } finally {
            context.removeApplicationListener(failing);
        }
        assertThat(outboxRows(messageId)).as("the announcement is kept until every listener has handled it").isEqualTo(1);
        assertThat(app.client().get("/v1/push").json().get("items")).as("offline push has not run").isEmpty();

        assertThat(outbox.resubmit(Duration.ZERO)).as("announced again").isPositive();

        await().atMost(Duration.ofSeconds(15)).until(() -> apns.accepted(token) == 1);
        JsonNode payload = Api.JSON.readTree(apns.payload(token));
        assertThat(payload.get("aps").get("alert").get("body").asString()).isEqualTo("Did you get this?");
        assertThat(payload.get("seq").asString()).isEqualTo("1");
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(messageId) == 0);
        assertThat(app.client().get("/v1/push").json().get("items")).singleElement()
                .satisfies(job -> assertThat(job.get("origin").asString()).isEqualTo("offline"));
    }

    private int outboxRows(String messageId) {
        return platform.jdbc().sql("select count(*) from message_sent_outbox where message_id = ?")
                .param(UUID.fromString(messageId)).query(Integer.class).single();
    }

    @Test
    void a_message_to_an_offline_member_with_a_device_is_one_notification_with_sender_text_and_unread_badge() {
        PushApp app = PushApp.create(api(), fixtures(), "Offline One");
        app.users("mia", "leo");
        assertThat(app.client().put("/v1/users/mia", Map.of("name", "Mia Wong")).status()).isEqualTo(200);
        String token = apns.newLiveToken();
        app.apnsDevice("leo", token);
        String conversation = app.app().direct("mia", "leo");

        app.app().sent(conversation, "mia", "m1", "See you at 8?");

        await().atMost(Duration.ofSeconds(15)).until(() -> apns.accepted(token) == 1);
        JsonNode payload = Api.JSON.readTree(apns.payload(token));
        assertThat(payload.get("aps").get("alert").get("title").asString()).isEqualTo("Mia Wong");
        assertThat(payload.get("aps").get("alert").get("body").asString()).isEqualTo("See you at 8?");
        assertThat(payload.get("aps").get("badge").asInt()).as("leo has one unread message").isEqualTo(1);
        assertThat(payload.get("conversationId").asString()).isEqualTo(conversation);
        assertThat(payload.get("seq").asString()).isEqualTo("1");
        JsonNode job = app.client().get("/v1/push").json().get("items").get(0);
        assertThat(job.get("origin").asString()).isEqualTo("offline");
        assertThat(job.get("collapseKey").asString()).isEqualTo("chat:" + conversation);
    }

    @Test
    void a_burst_of_messages_in_one_conversation_is_one_notification() {
        PushApp app = PushApp.create(api(), fixtures(), "Offline Burst");
        app.users("ana", "raf");
        String token = apns.newLiveToken();
        app.apnsDevice("raf", token);
        String conversation = app.app().direct("ana", "raf");

        for (int i = 1; i <= 5; i++) {
            app.app().sent(conversation, "ana", "burst-" + i, "part " + i);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> apns.accepted(token) >= 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> apns.accepted(token) == 1);
        assertThat(apns.accepted(token)).as("five messages, one notification").isEqualTo(1);
        JsonNode payload = Api.JSON.readTree(apns.payload(token));
        assertThat(payload.get("aps").get("alert").get("body").asString()).isEqualTo("part 5");
        assertThat(payload.get("count").asString()).isEqualTo("5");
        assertThat(payload.get("aps").get("badge").asInt()).isEqualTo(5);
    }

    @Test
    void the_apps_preview_policy_hides_the_text_or_everything_or_turns_offline_push_off() {
        PushApp app = PushApp.create(api(), fixtures(), "Offline Privacy");
        app.users("ola", "pia", "quin");
        String fcmToken = "fcm-offline-" + UUID.randomUUID();
        app.fcmDevice("pia", fcmToken);
        String group = app.app().group("Climbing club", "ola", "pia", "quin");

        Api.Response policy = app.client().put("/v1/push/offline", Map.of("enabled", true, "preview", "sender"));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        assertThat(app.client().get("/v1/push/offline").json().get("preview").asString()).isEqualTo("sender");
        app.app().sent(group, "ola", "g1", "The secret crag is open");
        JsonNode sender = awaitFcm(fcmToken, 1);
        assertThat(sender.get("notification").get("title").asString()).isEqualTo("Climbing club");
        assertThat(sender.get("notification").get("body").asString()).isEqualTo("New message from ola");
        assertThat(sender.toString()).doesNotContain("secret crag");

        app.client().put("/v1/push/offline", Map.of("enabled", true, "preview", "none"));
        app.app().sent(group, "ola", "g2", "Bring the blue rope");
        JsonNode none = awaitFcm(fcmToken, 2);
        assertThat(none.get("notification").has("title")).isFalse();
        assertThat(none.get("notification").get("body").asString()).isEqualTo("New message");
        assertThat(none.toString()).doesNotContain("blue rope").doesNotContain("Climbing").doesNotContain("ola");

        app.client().put("/v1/push/offline", Map.of("enabled", false));
        app.app().sent(group, "ola", "g3", "Anyone?");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> messagesTo(fcmToken).size() == 2);
        assertThat(messagesTo(fcmToken)).as("offline push is off").hasSize(2);
    }

    @Test
    void a_member_connected_to_the_gateway_gets_no_push() throws Exception {
        PushApp app = PushApp.create(api(), fixtures(), "Offline Online");
        app.users("sam", "tia");
        String token = apns.newLiveToken();
        app.apnsDevice("tia", token);
        String conversation = app.app().direct("sam", "tia");
        JsonNode minted = app.client().post("/v1/users/tia/tokens", null).json();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(minted.get("websocketUrl").asString() + "?token=" + minted.get("token").asString()),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                if (data.toString().contains("\"ready\"")) {
                                    ready.complete(null);
                                }
                                webSocket.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
        try {
            ready.get(10, TimeUnit.SECONDS);
            app.app().sent(conversation, "sam", "online-1", "You are online");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> apns.accepted(token) == 0);
            assertThat(apns.accepted(token)).isZero();
            assertThat(app.client().get("/v1/push").json().get("items")).isEmpty();
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        }
    }

    private JsonNode awaitFcm(String token, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(token).size() >= count);
        return messagesTo(token).get(count - 1);
    }

    private List<JsonNode> messagesTo(String token) {
        return fcm.messages().stream().filter(m -> m.get("token").asString().equals(token)).toList();
    }
}
