package io.linnet.server.moderation;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app's rules on the real send path, over REST and the WebSocket: what is refused, stored and
 * delivered, and that a rule change applies to the very next send.
 */
class ModeratedSendIT extends ServerIT {

    private Chat chat;
    private Moderation moderation;
    private String direct;
    private String group;

    @BeforeEach
    void anAppWithRules() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Moderated Send"));
        chat.app().users("ann", "ben", "cat");
        direct = chat.app().direct("ann", "ben");
        group = chat.app().group("Lounge", "ann", "ben", "cat");
        moderation = Moderation.of(chat.app());
        moderation.keywords("block", "scam-link", "傻逼");
        moderation.keywords("mask", "darn", "heck");
        moderation.keywords("flag", "meet offline");
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void a_blocked_message_over_rest_is_refused_and_nothing_is_stored_or_delivered() {
        ChatClient ben = chat.device("ben");

        Api.Response refused = chat.app().send(direct, "ann", "c-1", "click my S.C.A.M-LINK now");
        refused.assertProblem(422, "message_blocked");
        Api.Response chinese = chat.app().send(direct, "ann", "c-2", "你是傻 逼");
        chinese.assertProblem(422, "message_blocked");

        assertThat(chat.app().history(direct, "?afterSeq=0").get("items")).isEmpty();
        assertThat(ben.receives(frame -> frame.path("type").asString().equals("message"), Duration.ofMillis(300))).isFalse();
        // the clientMsgId was not used up: the sender may send something else under it
        assertThat(chat.app().sent(direct, "ann", "c-1", "sorry").get("seq").asLong()).isEqualTo(1);
        assertThat(moderation.stats().get("blocked").asLong()).isEqualTo(2);
    }

    @Test
    void a_blocked_message_over_the_websocket_gets_an_error_frame_and_is_not_stored() {
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");

        ann.send(Map.of("type", "send", "ref", "s1", "clientMsgId", "w-1", "conversationId", group,
                "body", Map.of("type", "text", "text", "ＳＣＡＭ－ＬＩＮＫ inside")));
        JsonNode error = ann.next("error");

        assertThat(error.get("ref").asString()).isEqualTo("s1");
        assertThat(error.get("code").asString()).isEqualTo("message_blocked");
        assertThat(ben.receives(frame -> frame.path("type").asString().equals("message"), Duration.ofMillis(300))).isFalse();
        assertThat(chat.app().history(group, "?afterSeq=0").get("items")).isEmpty();
        assertThat(ann.isClosed()).isFalse();
    }

    @Test
    void masked_words_are_starred_in_what_is_stored_and_in_what_every_device_receives() {
        ChatClient ann = chat.device("ann");
        ChatClient benPhone = chat.device("ben");

        JsonNode ack = ann.say(direct, "m-1", "oh DARN it, what the h.e.c.k");
        chat.app().sent(direct, "ben", "m-2", "darnation is fine");

        String masked = "oh **** it, what the *******";
        assertThat(ack.get("seq").asLong()).isEqualTo(1);
        assertThat(benPhone.messages(direct, 2)).extracting(message -> message.at("/body/text").asString())
                .containsExactly(masked, "darnation is fine");
        assertThat(ann.messages(direct, 2).getFirst().at("/body/text").asString()).isEqualTo(masked);
        assertThat(chat.app().history(direct, "?afterSeq=0").get("items").get(0).at("/body/text").asString())
                .isEqualTo(masked);
        assertThat(moderation.stats().get("masked").asLong()).isEqualTo(1);
    }

    @Test
    void a_flagged_message_is_delivered_unchanged_and_queued_for_review() {
        ChatClient ben = chat.device("ben");

        JsonNode sent = chat.app().sent(group, "ann", "f-1", "let's MEET OFFLINE tonight");

        assertThat(ben.messages(group, 1).getFirst().at("/body/text").asString()).isEqualTo("let's MEET OFFLINE tonight");
        JsonNode queue = moderation.queue("");
        assertThat(queue.get("items")).hasSize(1);
        JsonNode item = queue.get("items").get(0);
        assertThat(item.get("messageId").asString()).isEqualTo(sent.get("messageId").asString());
        assertThat(item.get("senderId").asString()).isEqualTo("ann");
        assertThat(item.get("flaggedBy").get(0).asString()).isEqualTo("flag words");
        assertThat(item.get("matched").get(0).asString()).isEqualTo("MEET OFFLINE");
        assertThat(item.get("reportCount").asInt()).isZero();
        assertThat(item.get("status").asString()).isEqualTo("open");
        assertThat(item.at("/body/text").asString()).isEqualTo("let's MEET OFFLINE tonight");
        assertThat(moderation.stats().get("flagged").asLong()).isEqualTo(1);

        ChatClient cat = chat.device("cat");
        JsonNode overWebSocket = cat.say(group, "f-2", "meet  offline?");
        assertThat(ben.messages(group, 1).getFirst().at("/body/text").asString()).isEqualTo("meet  offline?");
        assertThat(moderation.queue("").get("items")).extracting(queued -> queued.get("messageId").asString())
                .containsExactly(sent.get("messageId").asString(), overWebSocket.get("messageId").asString());
    }

    @Test
    void a_rule_scoped_to_groups_leaves_direct_conversations_alone() {
        moderation.rule("group spam", "regex", "block", "groups", "buy\\s+now");

        chat.app().send(group, "ann", "g-1", "BUY   NOW!").assertProblem(422, "message_blocked");
        assertThat(chat.app().sent(direct, "ann", "d-1", "buy now, Ben?").get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void a_new_rule_and_a_deleted_rule_apply_to_the_very_next_send() {
        assertThat(chat.app().sent(direct, "ann", "n-1", "banana").get("seq").asLong()).isEqualTo(1);

        String rule = moderation.keywords("block", "banana");
        chat.app().send(direct, "ann", "n-2", "banana again").assertProblem(422, "message_blocked");

        assertThat(moderation.member().delete(moderation.path("/rules/" + rule)).status()).isEqualTo(204);
        assertThat(chat.app().sent(direct, "ann", "n-3", "banana at last").get("seq").asLong()).isEqualTo(2);
    }

    @Test
    void a_disabled_rule_does_nothing_until_enabled_again() {
        String rule = moderation.keywords("block", "pineapple");
        Api.Response disabled = moderation.member().patch(moderation.path("/rules/" + rule), Map.of("enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        assertThat(chat.app().send(direct, "ann", "p-1", "pineapple").status()).isEqualTo(201);
        moderation.member().patch(moderation.path("/rules/" + rule), Map.of("enabled", true));
        chat.app().send(direct, "ann", "p-2", "pineapple").assertProblem(422, "message_blocked");
    }

    @Test
    void custom_messages_are_checked_by_their_text_and_messages_without_text_pass() {
        Api.Response custom = chat.app().client().post("/v1/conversations/" + direct + "/messages", Map.of(
                "senderId", "ann", "clientMsgId", "c-1",
                "body", Map.of("type", "custom", "text", "scam-link", "data", Map.of("kind", "card"))));
        custom.assertProblem(422, "message_blocked");

        Api.Response noText = chat.app().client().post("/v1/conversations/" + direct + "/messages", Map.of(
                "senderId", "ann", "clientMsgId", "c-2", "body", Map.of("type", "custom", "data", Map.of("scam-link", true))));
        assertThat(noText.status()).as(noText.toString()).isEqualTo(201);
    }
}
