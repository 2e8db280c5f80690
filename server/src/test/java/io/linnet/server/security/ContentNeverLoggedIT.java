package io.linnet.server.security;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.moderation.Moderation;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.realtime.ErrorFrames;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, and a lone surrogate would be stored as '?'. The
 * probe's NUL answered 409 or internal_error and put the message into the server log. Such content
 * is a 400 (REST) or an invalid_request error frame (WebSocket) naming the field, nothing is stored,
 * and no log line, at any level, holds the content.
 */
class ContentNeverLoggedIT extends ServerIT {

    private static final String JSON = "application/json";

    private Chat chat;
    private String direct;
    private String secret;

    @BeforeEach
    void aConversation() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Content Never Logged"));
        chat.app().users("ann", "ben");
        direct = chat.app().direct("ann", "ben");
        secret = "secret-" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void a_rest_send_with_a_nul_or_a_lone_surrogate_is_a_400_naming_the_field_and_is_neither_stored_nor_logged() {
        Api.Client backend = chat.app().client();
        String messages = "/v1/conversations/" + direct + "/messages";
        try (CapturedLogs logs = new CapturedLogs()) {
            assertRefused(chat.app().send(direct, "ann", "c-1", secret + "\u0000"), "body.text");
            assertRefused(backend.post(messages, Map.of("senderId", "ann", "clientMsgId", "c-2",
                    "body", Map.of("type", "custom", "data", Map.of("card", List.of(secret + "\u0000"))))), "body.data");
            assertRefused(backend.post(messages, Map.of("senderId", "ann", "clientMsgId", "c-3",
                    "body", Map.of("type", "text", "text", "see attached", "attachments",
                            List.of(Map.of("url", "https://files.example.com/a", "name", secret + "\u0000"))))),
                    "an attachment's name");
            assertRefused(backend.raw("POST", messages, JSON, """
                    {"senderId":"ann","clientMsgId":"c-4","body":{"type":"text","text":"%s \\ud83d"}}""".formatted(secret)),
                    "body.text");
            assertRefused(backend.raw("POST", messages, JSON, """
                    {"senderId":"ann","clientMsgId":"c-5","body":{"type":"custom","data":{"k":"%s \\udc00"}}}""".formatted(secret)),
                    "body.data");

            assertThat(chat.app().history(direct, "?afterSeq=0").get("items")).isEmpty();
            assertThat(logs.text()).doesNotContain(secret);
        }
    }

    @Test
    void a_user_profile_with_a_nul_or_a_lone_surrogate_is_a_400_naming_the_field_and_is_neither_stored_nor_logged() {
        Api.Client backend = chat.app().client();
        try (CapturedLogs logs = new CapturedLogs()) {
            assertRefused(backend.put("/v1/users/cat", Map.of("name", "Cat", "custom", Map.of("bio", secret + "\u0000"))),
                    "custom");
            assertRefused(backend.raw("PUT", "/v1/users/cat", JSON, """
                    {"name":"%s \\ud83d"}""".formatted(secret)), "name");
            assertRefused(backend.raw("PUT", "/v1/users/ann", JSON, """
                    {"name":"Ann","custom":{"%s\\u0000":1}}""".formatted(secret)), "custom");

            backend.get("/v1/users/cat").assertProblem(404, "not_found");
            assertThat(backend.get("/v1/users/ann").json().get("custom").toString()).doesNotContain(secret);
            assertThat(logs.text()).doesNotContain(secret);
        }
    }

    @Test
    void a_websocket_send_with_a_nul_or_a_lone_surrogate_gets_an_invalid_request_error_frame_and_is_neither_stored_nor_logged() {
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");
        try (CapturedLogs logs = new CapturedLogs()) {
            ann.send(Map.of("type", "send", "ref", "r-1", "clientMsgId", "c-1", "conversationId", direct,
                    "body", Map.of("type", "text", "text", secret + "\u0000")));
            assertErrorFrame(ann, "r-1", "body.text");
            ann.sendText("""
                    {"type":"send","ref":"r-2","clientMsgId":"c-2","conversationId":"%s",\
                    "body":{"type":"custom","data":{"note":"%s \\udc00"}}}""".formatted(direct, secret));
            assertErrorFrame(ann, "r-2", "body.data");

            // the connection still works, and nothing of the refused sends was stored or delivered
            assertThat(ann.say(direct, "c-3", "hello").get("seq").asLong()).isEqualTo(1);
            assertThat(ben.messages(direct, 1)).singleElement()
                    .satisfies(message -> assertThat(message.toString()).contains("hello").doesNotContain(secret));
            assertThat(logs.text()).doesNotContain(secret);
        }
    }

    @Test
    void a_report_reason_or_a_moderation_rule_with_a_nul_is_a_400_naming_the_field_and_is_never_logged() {
        String message = chat.app().sent(direct, "ann", "c-1", "hello").get("messageId").asString();
        Moderation moderation = Moderation.of(chat.app());
        try (CapturedLogs logs = new CapturedLogs()) {
            assertRefused(chat.app().client().post("/v1/messages/" + message + "/reports",
                    Map.of("userId", "ben", "reason", secret + "\u0000")), "reason");
            assertRefused(moderation.member().post(moderation.path("/rules"), Map.of("name", "Words", "kind", "keywords",
                    "action", "block", "terms", List.of("fine", secret + "\u0000 word"))), "terms");
            assertRefused(moderation.member().post(moderation.path("/rules"), Map.of("name", secret + "\u0000",
                    "kind", "keywords", "action", "block", "terms", List.of("fine"))), "name");

            assertThat(moderation.queue("?status=all").get("items")).isEmpty();
            assertThat(logs.text()).doesNotContain(secret);
        }
    }

    private void assertRefused(Api.Response response, String field) {
        response.assertProblem(400, "invalid_request");
        assertThat(response.json().get("detail").asString()).startsWith(field + " must not contain").doesNotContain(secret);
    }

    private void assertErrorFrame(ChatClient device, String ref, String field) {
        JsonNode error = device.next(frame -> frame.path("type").asString().equals("error")
                && frame.path("ref").asString().equals(ref));
        ErrorFrames.assertError(error, ref, "invalid_request");
        assertThat(error.get("detail").asString()).startsWith(field + " must not contain").doesNotContain(secret);
    }
}
