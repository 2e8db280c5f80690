package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two people chat over the real-time gateway, on several devices each, with real WebSocket clients. */
class RealtimeChatIT extends ServerIT {

    private Chat chat;
    private String conversation;

    @BeforeEach
    void twoPeople() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Realtime Chat"));
        chat.app().users("ann", "ben", "cat");
        conversation = chat.app().direct("ann", "ben");
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void the_token_answer_says_where_to_connect() {
        JsonNode minted = chat.mint("ann").json();

        assertThat(minted.get("websocketUrl").asString()).matches("ws://localhost:\\d+/v1/ws");
        assertThat(minted.get("token").asString()).isNotBlank();
    }

    @Test
    void two_users_chat_and_every_device_of_each_gets_the_stream_in_order() {
        ChatClient annPhone = chat.device("ann");
        ChatClient annLaptop = chat.device("ann");
        ChatClient benPhone = chat.device("ben");
        ChatClient benLaptop = chat.device("ben");

        JsonNode ack = annPhone.say(conversation, "a-1", "hi Ben");
        benLaptop.say(conversation, "b-1", "hi Ann");
        annLaptop.say(conversation, "a-2", "how are you?");

        assertThat(ack.get("seq").asLong()).isEqualTo(1);
        assertThat(ack.get("repeated").asBoolean()).isFalse();
        for (ChatClient device : List.of(annPhone, annLaptop, benPhone, benLaptop)) {
            List<JsonNode> stream = device.messages(conversation, 3);
            assertThat(stream).extracting(message -> message.get("seq").asLong()).containsExactly(1L, 2L, 3L);
            assertThat(stream).extracting(message -> message.get("senderId").asString()).containsExactly("ann", "ben", "ann");
            assertThat(stream).extracting(message -> message.at("/body/text").asString())
                    .containsExactly("hi Ben", "hi Ann", "how are you?");
            assertThat(stream.getFirst().get("messageId").asString()).isEqualTo(ack.get("messageId").asString());
        }
        assertThat(MessagingApp.seqs(chat.app().history(conversation, "?afterSeq=0"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_member_of_the_app_who_is_not_in_the_conversation_can_neither_send_nor_read() {
        ChatClient ben = chat.device("ben");
        ChatClient cat = chat.device("cat");

        cat.send(Map.of("type", "send", "ref", "s", "clientMsgId", "c-1", "conversationId", conversation,
                "body", Map.of("type", "text", "text", "let me in")));
        ErrorFrames.assertError(cat.next("error"), "s", "not_found");
        cat.send(Map.of("type", "sync", "ref", "y", "conversations", List.of(Map.of("id", conversation, "afterSeq", 0))));
        ErrorFrames.assertError(cat.next("error"), "y", "not_found");
        cat.send(Map.of("type", "typing", "ref", "t", "conversationId", conversation));
        ErrorFrames.assertError(cat.next("error"), "t", "not_found");

        assertThat(ben.receives(frame -> frame.path("type").asString().equals("message")
                || frame.path("type").asString().equals("typing"), Duration.ofMillis(300))).isFalse();
        assertThat(chat.app().history(conversation, "?afterSeq=0").get("items")).isEmpty();
    }

    @Test
    void a_user_token_of_another_app_cannot_reach_the_conversation() {
        Chat elsewhere = new Chat(MessagingApp.create(api(), fixtures(), "Realtime Elsewhere"));
        elsewhere.app().users("ann");
        try (elsewhere) {
            ChatClient impostor = elsewhere.device("ann");

            impostor.send(Map.of("type", "send", "ref", "x", "clientMsgId", "x-1", "conversationId", conversation,
                    "body", Map.of("type", "text", "text", "hello from another app")));
            ErrorFrames.assertError(impostor.next("error"), "x", "not_found");
            impostor.send(Map.of("type", "read", "ref", "r", "conversationId", conversation, "seq", 1));
            ErrorFrames.assertError(impostor.next("error"), "r", "not_found");
        }
        assertThat(chat.app().history(conversation, "?afterSeq=0").get("items")).isEmpty();
    }

    @Test
    void a_client_may_authenticate_with_its_first_frame_instead_of_the_query() {
        ChatClient device = chat.anonymous("ann");

        device.send(Map.of("type", "auth", "token", chat.token("ann")));

        assertThat(device.next("ready").get("userId").asString()).isEqualTo("ann");
        assertThat(device.say(conversation, "f-1", "authenticated by frame").get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void a_bad_token_closes_the_socket_with_4001() {
        ChatClient device = chat.anonymous("ann");

        device.send(Map.of("type", "auth", "token", "not-a-token"));

        assertThat(device.closeCode()).isEqualTo(4001);
    }

    @Test
    void a_frame_before_authenticating_closes_the_socket_with_4001() {
        ChatClient device = chat.anonymous("ann");

        device.send(Map.of("type", "send", "clientMsgId", "early", "conversationId", conversation,
                "body", Map.of("type", "text", "text", "too early")));

        assertThat(device.closeCode()).isEqualTo(4001);
        assertThat(chat.app().history(conversation, "?afterSeq=0").get("items")).isEmpty();
    }

    @Test
    void an_app_access_token_is_not_a_user_token() {
        ChatClient device = chat.anonymous("ann");

        device.send(Map.of("type", "auth", "token", api().accessToken(chat.app().key().keyId(), chat.app().key().secret())));

        assertThat(device.closeCode()).isEqualTo(4001);
    }
}
