package io.linnet.server.messaging;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.linnet.server.messaging.MessagingApp.seqs;
import static org.assertj.core.api.Assertions.assertThat;

/** The developer API's messaging flow end to end: users, tokens, conversations, messages, recall, purge. */
class MessagingFlowIT extends ServerIT {

    @Autowired
    PlatformDatabase platform;

    private MessagingApp app;

    @BeforeEach
    void anApp() {
        app = MessagingApp.create(api(), fixtures(), "Chat Flow");
    }

    @Test
    void a_user_is_created_then_updated_read_and_deleted() {
        Map<String, Object> profile = Map.of("name", "Alice", "avatarUrl", "https://cdn.example.com/alice.png",
                "custom", Map.of("level", 3), "tags", List.of("vip", "beta"));

        Api.Response created = app.client().put("/v1/users/alice@example.com", profile);
        Api.Response updated = app.client().put("/v1/users/alice@example.com", Map.of("name", "Alice B."));
        Api.Response read = app.client().get("/v1/users/alice@example.com");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("custom").get("level").asInt()).isEqualTo(3);
        assertThat(created.json().get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("vip", "beta");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(read.json().get("userId").asString()).isEqualTo("alice@example.com");
        assertThat(read.json().get("name").asString()).isEqualTo("Alice B.");
        assertThat(read.json().get("tags").isEmpty()).isTrue();
        assertThat(app.client().delete("/v1/users/alice@example.com").status()).isEqualTo(204);
        assertThat(app.client().get("/v1/users/alice@example.com").code()).isEqualTo("not_found");
        assertThat(app.client().delete("/v1/users/alice@example.com").status()).isEqualTo(404);
    }

    @Test
    void two_users_chat_directly_and_read_their_history_forward_and_backward() {
        app.users("alice", "bob");
        Api.Response token = app.client().post("/v1/users/alice/tokens", Map.of("ttlSeconds", 600));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().get("token").asString()).contains(".");
        assertThat(token.json().get("expiresAt").asString()).isNotBlank();

        String direct = app.direct("alice", "bob");
        Api.Response again = app.client().post("/v1/conversations", Map.of("type", "direct", "members", List.of("bob", "alice")));
        assertThat(again.status()).as("the same pair, in either order, is the same conversation").isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(direct);

        for (int i = 1; i <= 5; i++) {
            JsonNode sent = app.sent(direct, i % 2 == 1 ? "alice" : "bob", "m-" + i, "hello " + i);
            assertThat(sent.get("seq").asLong()).isEqualTo(i);
            assertThat(sent.get("messageId").asString()).isNotBlank();
        }

        JsonNode conversation = app.client().get("/v1/conversations/" + direct).json();
        assertThat(conversation.get("type").asString()).isEqualTo("direct");
        assertThat(conversation.get("lastSeq").asLong()).isEqualTo(5);
        assertThat(conversation.get("members").valueStream().map(m -> m.get("userId").asString()).toList())
                .containsExactlyInAnyOrder("alice", "bob");

        JsonNode first = app.history(direct, "?afterSeq=0&limit=3");
        assertThat(seqs(first)).containsExactly(1L, 2L, 3L);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("body").get("text").asString()).isEqualTo("hello 1");
        assertThat(first.get("items").get(1).get("senderId").asString()).isEqualTo("bob");
        JsonNode rest = app.history(direct, "?afterSeq=3&limit=3");
        assertThat(seqs(rest)).containsExactly(4L, 5L);
        assertThat(rest.get("hasMore").asBoolean()).isFalse();

        JsonNode latest = app.history(direct, "?limit=2");
        assertThat(seqs(latest)).containsExactly(4L, 5L);
        assertThat(latest.get("hasMore").asBoolean()).isTrue();
        JsonNode earlier = app.history(direct, "?beforeSeq=4&limit=2");
        assertThat(seqs(earlier)).containsExactly(2L, 3L);
        JsonNode earliest = app.history(direct, "?beforeSeq=2&limit=2");
        assertThat(seqs(earliest)).containsExactly(1L);
        assertThat(earliest.get("hasMore").asBoolean()).isFalse();
        assertThat(seqs(app.history(direct, "?afterSeq=1&beforeSeq=4"))).containsExactly(2L, 3L);
    }

    @Test
    void a_retried_send_answers_the_original_message_and_stores_nothing_more() {
        app.users("alice", "bob");
        String direct = app.direct("alice", "bob");
        JsonNode original = app.sent(direct, "alice", "retry-me", "once");

        Api.Response retry = app.send(direct, "alice", "retry-me", "once");
        Api.Response sameIdOtherSender = app.send(direct, "bob", "retry-me", "mine");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("messageId").asString()).isEqualTo(original.get("messageId").asString());
        assertThat(retry.json().get("seq").asLong()).isEqualTo(original.get("seq").asLong());
        assertThat(sameIdOtherSender.status()).as("clientMsgId is unique per sender").isEqualTo(201);
        assertThat(sameIdOtherSender.json().get("seq").asLong()).isEqualTo(2);
        assertThat(app.client().get("/v1/conversations/" + direct).json().get("lastSeq").asLong()).isEqualTo(2);
    }

    @Test
    void a_group_changes_its_members_and_only_members_may_send() {
        app.users("ann", "ben", "cat", "dan");
        String group = app.group("Team", "ann", "ben");

        Api.Response added = app.client().post("/v1/conversations/" + group + "/members",
                Map.of("members", List.of("cat", "dan"), "role", "admin"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("members").valueStream()
                .map(m -> m.get("userId").asString() + ":" + m.get("role").asString()).toList())
                .containsExactlyInAnyOrder("ann:owner", "ben:member", "cat:admin", "dan:admin");
        assertThat(app.send(group, "dan", "d-1", "hi").status()).isEqualTo(201);

        Api.Response removed = app.client().raw("DELETE", "/v1/conversations/" + group + "/members", "application/json",
                "{\"members\": [\"dan\"]}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("members")).hasSize(3);

        Api.Response outsider = app.send(group, "dan", "d-2", "still here?");
        assertThat(outsider.status()).as("a non-member's send: the conversation is not found for them").isEqualTo(404);
        assertThat(outsider.code()).isEqualTo("not_found");
        assertThat(app.client().get("/v1/conversations/" + group).json().get("lastSeq").asLong()).isEqualTo(1);

        String direct = app.direct("ann", "ben");
        Api.Response directChange = app.client().post("/v1/conversations/" + direct + "/members", Map.of("members", List.of("cat")));
        assertThat(directChange.status()).isEqualTo(400);
    }

    @Test
    void a_sender_recalls_within_the_window_and_the_app_recalls_anything() {
        app.users("alice", "bob");
        String direct = app.direct("alice", "bob");
        String first = app.sent(direct, "alice", "r-1", "oops").get("messageId").asString();
        String second = app.sent(direct, "bob", "r-2", "offensive").get("messageId").asString();

        Api.Response notTheirs = app.client().post("/v1/messages/" + first + "/recall", Map.of("userId", "bob"));
        Api.Response bySender = app.client().post("/v1/messages/" + first + "/recall", Map.of("userId", "alice"));
        Api.Response byApp = app.client().post("/v1/messages/" + second + "/recall", null);
        Api.Response again = app.client().post("/v1/messages/" + second + "/recall", null);

        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(bySender.status()).as(bySender.toString()).isEqualTo(200);
        assertThat(bySender.json().get("recalledAt").asString()).isNotBlank();
        assertThat(byApp.status()).isEqualTo(200);
        assertThat(again.json().get("recalledAt").asString()).isEqualTo(byApp.json().get("recalledAt").asString());
        JsonNode history = app.history(direct, "?afterSeq=0");
        assertThat(seqs(history)).containsExactly(1L, 2L);
        assertThat(history.get("items").valueStream().map(m -> m.get("body").toString()).toList())
                .containsOnly("{\"type\":\"recalled\"}");
        assertThat(history.toString()).doesNotContain("oops").doesNotContain("offensive");
    }

    @Test
    void deleting_a_user_with_purge_erases_what_they_sent_and_keeps_every_seq() {
        app.users("alice", "bob", "cat");
        String group = app.group("Purge", "alice", "bob", "cat");
        app.sent(group, "alice", "p-1", "from alice");
        app.sent(group, "bob", "p-2", "secret of bob");
        app.sent(group, "alice", "p-3", "alice again");
        app.sent(group, "bob", "p-4", "more of bob");
        String other = app.direct("alice", "cat");
        app.sent(other, "alice", "p-5", "kept without purge");

        assertThat(app.client().delete("/v1/users/bob?purge=true").status()).isEqualTo(204);

        JsonNode history = app.history(group, "?afterSeq=0");
        assertThat(seqs(history)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history.toString()).doesNotContain("of bob").contains("from alice").contains("alice again");
        assertThat(history.get("items").get(1).get("body").get("type").asString()).isEqualTo("erased");
        assertThat(app.client().get("/v1/conversations/" + group).json().get("members").valueStream()
                .map(m -> m.get("userId").asString()).toList()).containsExactlyInAnyOrder("alice", "cat");

        assertThat(app.client().delete("/v1/users/alice").status()).isEqualTo(204);
        assertThat(app.history(other, "?afterSeq=0").toString()).contains("kept without purge");
        Api.Response withoutAlice = app.client().post("/v1/conversations", Map.of("type", "direct", "members", List.of("alice", "cat")));
        assertThat(withoutAlice.status()).as("a deleted user is no member").isEqualTo(400);

        app.users("alice");
        assertThat(app.direct("cat", "alice")).as("the pair keeps its one conversation").isEqualTo(other);
        assertThat(app.sent(other, "alice", "p-6", "back again").get("seq").asLong()).isEqualTo(2);
    }

    @Test
    void a_sender_may_not_recall_after_the_window_but_the_app_still_may() {
        app.users("alice", "bob");
        String direct = app.direct("alice", "bob");
        String old = app.sent(direct, "alice", "w-1", "long ago").get("messageId").asString();
        platform.jdbc().sql("update messages set created_at = now() - interval '1 hour' where id = ?")
                .param(java.util.UUID.fromString(old)).update();

        Api.Response bySender = app.client().post("/v1/messages/" + old + "/recall", Map.of("userId", "alice"));
        Api.Response byApp = app.client().post("/v1/messages/" + old + "/recall", Map.of());

        assertThat(bySender.status()).as(bySender.toString()).isEqualTo(403);
        assertThat(bySender.code()).isEqualTo("forbidden");
        assertThat(byApp.status()).isEqualTo(200);
        assertThat(byApp.json().get("body").get("type").asString()).isEqualTo("recalled");
    }

    @Test
    void the_messaging_endpoints_are_documented_with_the_app_key_token_and_no_caller_parameter() {
        JsonNode paths = api().anonymous().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/v1/users/{userId}", "/v1/users/{userId}/tokens",
                "/v1/users/{userId}/tokens/revoke", "/v1/conversations", "/v1/conversations/{conversationId}",
                "/v1/conversations/{conversationId}/members", "/v1/conversations/{conversationId}/messages",
                "/v1/messages/{messageId}/recall");
        assertThat(paths.get("/v1/conversations/{conversationId}/messages").get("post").get("security").toString())
                .contains("appKeyToken");
        assertThat(paths.get("/v1/users/{userId}").get("put").toString()).doesNotContain("\"caller\"");
    }
}
