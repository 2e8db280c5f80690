package io.linnet.server.realtime;

import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserConnected;
import io.linnet.messaging.UserId;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What happens around messages, live: receipts and read counts, typing, presence, recall, and signing out. */
class RealtimeEventsIT extends ServerIT {

    @Autowired
    ConfigurableApplicationContext context;

    private Chat chat;
    private String direct;

    @BeforeEach
    void people() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Realtime Events"));
        chat.app().users("ann", "ben", "cat", "dan");
        direct = chat.app().direct("ann", "ben");
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void message_sent_names_the_recipients_who_had_no_device_connected_and_connections_are_announced() {
        String group = chat.app().group("Who is here", "ann", "ben", "cat");
        List<MessageSent> announced = new CopyOnWriteArrayList<>();
        List<UserConnected> connections = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
            switch (event.getPayload()) {
                case MessageSent sent when sent.conversationId().toString().equals(group) -> announced.add(sent);
                case UserConnected connected when connected.app().appId().toString().equals(chat.app().appId()) ->
                        connections.add(connected);
                default -> {
                }
            }
        };
        context.addApplicationListener(listener);
        try {
            ChatClient ann = chat.device("ann");
            chat.device("ben");

            ann.say(group, "here-1", "who is online?");
            chat.device("ben");

            await().atMost(Duration.ofSeconds(10)).until(() -> !announced.isEmpty());
            assertThat(announced).singleElement().satisfies(sent -> {
                assertThat(sent.recipientIds()).extracting(UserId::value).containsExactly("ben", "cat");
                assertThat(sent.offlineRecipientIds()).extracting(UserId::value).containsExactly("cat");
                assertThat(sent.body().get("text").asString()).isEqualTo("who is online?");
            });
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(connections)
                    .as("billing hears of every connection, and whether it brought its user online")
                    .extracting(c -> c.userId().value() + ":" + c.cameOnline())
                    .containsExactly("ann:true", "ben:true", "ben:false"));
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void a_group_counts_who_has_read_a_message() {
        String group = chat.app().group("Readers", "ann", "ben", "cat", "dan");
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");
        ChatClient cat = chat.device("cat");
        long seq = ann.say(group, "r-1", "read me").get("seq").asLong();

        ben.send(Map.of("type", "read", "conversationId", group, "seq", seq));
        cat.send(Map.of("type", "read", "conversationId", group, "seq", seq));
        ann.next(frame -> frame.path("type").asString().equals("receipt") && frame.path("userId").asString().equals("cat"));

        ann.send(Map.of("type", "readCount", "ref", "rc", "conversationId", group, "seq", seq));
        JsonNode count = ann.next("readCount");
        assertThat(count.get("ref").asString()).isEqualTo("rc");
        assertThat(count.get("readCount").asInt()).isEqualTo(2);
        assertThat(count.get("memberCount").asInt()).as("members other than the sender").isEqualTo(3);
    }

    @Test
    void a_read_marker_never_moves_back_nor_past_the_last_message() {
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");
        ann.say(direct, "m-1", "one");
        ann.say(direct, "m-2", "two");
        ben.send(Map.of("type", "read", "conversationId", direct, "seq", 2));
        ann.next("receipt");

        ben.send(Map.of("type", "read", "conversationId", direct, "seq", 1));
        ben.send(Map.of("type", "read", "ref", "past", "conversationId", direct, "seq", 99));

        ErrorFrames.assertError(ben.next("error"), "past", "invalid_request");
        assertThat(ann.receives(frame -> frame.path("type").asString().equals("receipt"), Duration.ofMillis(300))).isFalse();
    }

    @Test
    void typing_reaches_the_other_members_but_not_the_typist() {
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");

        ann.send(Map.of("type", "typing", "conversationId", direct));

        JsonNode typing = ben.next("typing");
        assertThat(typing.get("userId").asString()).isEqualTo("ann");
        assertThat(typing.get("conversationId").asString()).isEqualTo(direct);
        assertThat(ann.receives(frame -> frame.path("type").asString().equals("typing"), Duration.ofMillis(300))).isFalse();
    }

    @Test
    void contacts_see_a_user_come_online_and_go_offline_with_the_last_device() {
        ChatClient ann = chat.device("ann");
        ChatClient benPhone = chat.device("ben");
        assertPresence(ann.next("presence"), "ben", "online");
        ChatClient benLaptop = chat.device("ben");

        benPhone.close();
        assertThat(ann.receives(frame -> frame.path("type").asString().equals("presence"), Duration.ofMillis(500)))
                .as("ben is still online on his laptop").isFalse();
        benLaptop.close();

        JsonNode offline = ann.next("presence");
        assertPresence(offline, "ben", "offline");
        assertThat(offline.get("lastSeenAt").asString()).isNotBlank();

        ann.send(Map.of("type", "presence", "userIds", List.of("ben", "cat", "ann")));
        assertPresence(ann.next("presence"), "ben", "offline");
        assertPresence(ann.next("presence"), "cat", "offline");
        assertPresence(ann.next("presence"), "ann", "online");
    }

    @Test
    void a_sender_recalls_a_message_and_every_member_sees_it_recalled() {
        ChatClient ann = chat.device("ann");
        ChatClient annLaptop = chat.device("ann");
        ChatClient ben = chat.device("ben");
        String messageId = ann.say(direct, "oops", "I did not mean that").get("messageId").asString();

        ann.send(Map.of("type", "recall", "messageId", messageId));

        for (ChatClient device : List.of(ann, annLaptop, ben)) {
            JsonNode recalled = device.next("recalled");
            assertThat(recalled.get("messageId").asString()).isEqualTo(messageId);
            assertThat(recalled.get("recalledBy").asString()).isEqualTo("ann");
        }
        assertThat(chat.app().history(direct, "?afterSeq=0").at("/items/0/body/type").asString()).isEqualTo("recalled");
    }

    @Test
    void only_the_sender_may_recall_and_the_app_may_recall_anything() {
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");
        String messageId = ann.say(direct, "mine", "mine to recall").get("messageId").asString();

        ben.send(Map.of("type", "recall", "ref", "not-yours", "messageId", messageId));
        ErrorFrames.assertError(ben.next("error"), "not-yours", "forbidden");

        Api.Response recalled = chat.app().client().post("/v1/messages/" + messageId + "/recall", Map.of());
        assertThat(recalled.status()).as(recalled.toString()).isEqualTo(200);
        JsonNode seen = ben.next("recalled");
        assertThat(seen.get("messageId").asString()).isEqualTo(messageId);
        assertThat(seen.has("recalledBy")).as("the app recalled it").isFalse();
    }

    @Test
    void revoking_a_users_tokens_closes_their_live_connections_with_4003() {
        ChatClient benPhone = chat.device("ben");
        ChatClient benLaptop = chat.device("ben");
        ChatClient ann = chat.device("ann");

        Api.Response revoked = chat.app().client().post("/v1/users/ben/tokens/revoke", Map.of());

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertThat(benPhone.closeCode()).isEqualTo(4003);
        assertThat(benLaptop.closeCode()).isEqualTo(4003);
        assertThat(ann.isClosed()).isFalse();
        assertThat(chat.device("ben").say(direct, "after", "a new token works").get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void deleting_a_user_closes_their_connections() {
        ChatClient dan = chat.device("dan");

        assertThat(chat.app().client().delete("/v1/users/dan").status()).isEqualTo(204);

        assertThat(dan.closeCode()).isEqualTo(4003);
    }

    private static void assertPresence(JsonNode presence, String user, String status) {
        assertThat(presence.get("userId").asString()).as(presence.toString()).isEqualTo(user);
        assertThat(presence.get("status").asString()).as(presence.toString()).isEqualTo(status);
    }
}
