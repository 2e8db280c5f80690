package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames the gateway refuses: each gets an {@code error} frame with a stable code and the frame's
 * ref, and stores nothing; the connection stays usable. Abuse closes it with a proper close code.
 */
class RealtimeBadFramesIT extends ServerIT {

    private Chat chat;
    private String conversation;
    private ChatClient ann;

    @BeforeEach
    void connected() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Realtime Bad Frames"));
        chat.app().users("ann", "ben");
        conversation = chat.app().direct("ann", "ben");
        ann = chat.device("ann");
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void text_that_is_not_a_json_object_is_an_invalid_frame() {
        for (String bad : new String[]{"hello", "{\"type\":", "[1,2]", "42", "null"}) {
            ann.sendText(bad);
            JsonNode error = ann.next("error");
            assertThat(error.get("code").asString()).as(bad).isEqualTo("invalid_frame");
            assertThat(error.has("ref")).isFalse();
        }
        assertStillUsableAndNothingStored();
    }

    @Test
    void an_unknown_type_is_named_in_the_error() {
        ann.send(Map.of("type", "teleport", "ref", "u"));

        JsonNode error = ann.next("error");
        ErrorFrames.assertError(error, "u", "unknown_type");
        assertThat(error.get("detail").asString()).contains("teleport");
        assertStillUsableAndNothingStored();
    }

    @Test
    void missing_or_mistyped_fields_are_refused_by_name() {
        Map<String, Map<String, Object>> frames = Map.of(
                "clientMsgId", Map.of("type", "send", "ref", "1", "conversationId", conversation, "body", Map.of("type", "text", "text", "x")),
                "conversationId", Map.of("type", "send", "ref", "2", "clientMsgId", "c", "body", Map.of("type", "text", "text", "x")),
                "body", Map.of("type", "send", "ref", "3", "clientMsgId", "c", "conversationId", conversation, "body", "text"),
                "seq", Map.of("type", "read", "ref", "4", "conversationId", conversation, "seq", "seven"),
                "userIds", Map.of("type", "presence", "ref", "5", "userIds", "ben"),
                "type", Map.of("type", 7, "ref", "6"));
        frames.forEach((field, frame) -> {
            ann.send(frame);
            JsonNode error = ann.next("error");
            assertThat(error.get("code").asString()).as(error.toString()).isEqualTo("invalid_frame");
            assertThat(error.get("detail").asString()).as(error.toString()).contains(field);
            assertThat(error.get("ref").asString()).isEqualTo(frame.get("ref"));
        });
        assertStillUsableAndNothingStored();
    }

    @Test
    void a_malformed_id_and_a_text_over_the_limit_are_refused() {
        ann.send(Map.of("type", "send", "ref", "id", "clientMsgId", "c-1", "conversationId", "not-a-uuid",
                "body", Map.of("type", "text", "text", "x")));
        assertThat(ann.next("error").get("code").asString()).isEqualTo("invalid_frame");

        ann.send(Map.of("type", "send", "ref", "long", "clientMsgId", "c-2", "conversationId", conversation,
                "body", Map.of("type", "text", "text", "x".repeat(4001))));
        ErrorFrames.assertError(ann.next("error"), "long", "invalid_request");

        ann.send(Map.of("type", "send", "ref", "kind", "clientMsgId", "c-3", "conversationId", conversation,
                "body", Map.of("type", "sticker")));
        ErrorFrames.assertError(ann.next("error"), "kind", "invalid_request");
        assertStillUsableAndNothingStored();
    }

    @Test
    void a_conversation_that_does_not_exist_is_not_found() {
        ann.send(Map.of("type", "send", "ref", "nowhere", "clientMsgId", "n-1", "conversationId", UUID.randomUUID().toString(),
                "body", Map.of("type", "text", "text", "anyone?")));

        ErrorFrames.assertError(ann.next("error"), "nowhere", "not_found");
        assertStillUsableAndNothingStored();
    }

    @Test
    void a_client_msg_id_reused_in_another_conversation_is_a_conflict() {
        String group = chat.app().group("Other", "ann", "ben");
        ann.say(conversation, "same-id", "first");

        ann.send(Map.of("type", "send", "ref", "again", "clientMsgId", "same-id", "conversationId", group,
                "body", Map.of("type", "text", "text", "second")));

        ErrorFrames.assertError(ann.next("error"), "again", "conflict");
        assertThat(chat.app().history(group, "?afterSeq=0").get("items")).isEmpty();
    }

    @Test
    void a_frame_over_the_size_limit_closes_the_socket_with_1009() {
        ann.sendText("{\"type\":\"send\",\"pad\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(ann.closeCode()).isEqualTo(1009);
        assertThat(chat.app().history(conversation, "?afterSeq=0").get("items")).isEmpty();
    }

    @Test
    void a_client_that_keeps_sending_refused_frames_is_closed_with_1008() {
        for (int i = 0; i < 25; i++) {
            ann.sendText("garbage " + i);
        }

        assertThat(ann.closeCode()).isEqualTo(1008);
    }

    @Test
    void sends_over_the_rate_limit_are_refused_and_not_stored() {
        int frames = 120;
        for (int i = 0; i < frames; i++) {
            ann.send(Map.of("type", "send", "clientMsgId", "burst-" + i, "conversationId", conversation,
                    "body", Map.of("type", "text", "text", "burst " + i)));
        }
        int acks = 0;
        int limited = 0;
        while (acks + limited < frames) {
            JsonNode answer = ann.next(frame -> frame.path("type").asString().matches("ack|error"));
            if (answer.get("type").asString().equals("ack")) {
                acks++;
            } else {
                assertThat(answer.get("code").asString()).isEqualTo("rate_limited");
                limited++;
            }
        }

        assertThat(limited).as("a burst of twice the per-second limit passes, then 20 a second").isPositive();
        assertThat(acks).isGreaterThanOrEqualTo(40);
        assertThat(chat.app().client().get("/v1/conversations/" + conversation).json().get("lastSeq").asLong())
                .as("only the acknowledged sends were stored").isEqualTo(acks);
    }

    @Test
    void a_client_that_ignores_the_rate_limit_altogether_is_closed_with_1008() {
        for (int i = 0; i < 400 && !ann.isClosed(); i++) {
            ann.send(Map.of("type", "typing", "conversationId", conversation));
        }

        assertThat(ann.closeCode()).isEqualTo(1008);
    }

    private void assertStillUsableAndNothingStored() {
        assertThat(chat.app().history(conversation, "?afterSeq=0").get("items")).isEmpty();
        ann.send(Map.of("type", "ping", "ref", "still-there"));
        assertThat(ann.next("pong").get("ref").asString()).isEqualTo("still-there");
    }
}
