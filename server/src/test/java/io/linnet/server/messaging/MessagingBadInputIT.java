package io.linnet.server.messaging;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every messaging endpoint gets a 4xx problem+json with a stable code and a sentence
 * that says what was wrong; never a 500, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingBadInputIT extends ServerIT {

    private static final String JSON = "application/json";
    private static final String HUGE = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
    private static final String UNKNOWN_ID = "01234567-89ab-7def-8123-456789abcdef";

    @Autowired
    PlatformDatabase platform;

    private MessagingApp app;
    private Api.Client usersOnly;
    private Api.Client messagesOnly;
    private String userToken;
    private String direct;
    private String smallGroup;
    private String messageId;

    /** One bad request: who sends it, what, and the answer it must get. */
    record Case(String name, Who who, String method, String path, String contentType, String body, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    enum Who { NOBODY, APP, USERS_ONLY, MESSAGES_ONLY, USER_TOKEN }

    @BeforeAll
    void anAppWithUsersAndConversations() {
        app = MessagingApp.create(api(), fixtures(), "Messaging Bad Input");
        usersOnly = app.withScopes(api(), "users");
        messagesOnly = app.withScopes(api(), "messages");
        app.users("alice", "bob", "cat");
        userToken = app.client().post("/v1/users/alice/tokens", null).json().get("token").asString();
        direct = app.direct("alice", "bob");
        Api.Response group = app.client().post("/v1/conversations", Map.of("type", "group", "name", "Pair",
                "members", List.of("alice", "bob"), "memberLimit", 2));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        smallGroup = group.json().get("id").asString();
        JsonNode sent = app.sent(direct, "alice", "first", "hello");
        messageId = sent.get("messageId").asString();
    }

    Stream<Case> cases() {
        String alice = "/v1/users/alice";
        String conversations = "/v1/conversations";
        String directPath = conversations + "/" + direct;
        String groupPath = conversations + "/" + smallGroup;
        String send = directPath + "/messages";
        String recall = "/v1/messages/" + messageId + "/recall";
        List<Case> cases = new ArrayList<>();

        // end users
        cases.add(new Case("users: no token", Who.NOBODY, "PUT", alice, JSON, "{}", 401, "unauthorized"));
        cases.add(new Case("users: a user token is no app token", Who.USER_TOKEN, "GET", alice, null, null, 401, "unauthorized"));
        cases.add(new Case("users: a key without the users scope", Who.MESSAGES_ONLY, "PUT", "/v1/users/newbie", JSON, "{}", 403, "forbidden"));
        cases.add(new Case("users: read without the users scope", Who.MESSAGES_ONLY, "GET", alice, null, null, 403, "forbidden"));
        cases.add(new Case("users: malformed JSON", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"name\": ", 400, "invalid_request"));
        cases.add(new Case("users: a JSON array", Who.APP, "PUT", "/v1/users/newbie", JSON, "[1]", 400, "invalid_request"));
        cases.add(new Case("users: custom is no object", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"custom\": [1]}", 400, "invalid_request"));
        cases.add(new Case("users: custom too large", Who.APP, "PUT", "/v1/users/newbie", JSON,
                "{\"custom\": {\"x\": \"" + "c".repeat(9000) + "\"}}", 400, "invalid_request"));
        cases.add(new Case("users: tags of the wrong type", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"tags\": \"vip\"}", 400, "invalid_request"));
        cases.add(new Case("users: a tag of the wrong type", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"tags\": [{}]}", 400, "invalid_request"));
        cases.add(new Case("users: a tag with spaces", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"tags\": [\"a b\"]}", 400, "invalid_request"));
        cases.add(new Case("users: name of the wrong type", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"name\": {\"first\": \"N\"}}", 400, "invalid_request"));
        cases.add(new Case("users: name too long", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"name\": \"" + "n".repeat(129) + "\"}", 400, "invalid_request"));
        cases.add(new Case("users: avatar is no http URL", Who.APP, "PUT", "/v1/users/newbie", JSON, "{\"avatarUrl\": \"javascript:alert(1)\"}", 400, "invalid_request"));
        cases.add(new Case("users: userId with a space", Who.APP, "PUT", "/v1/users/new%20bie", JSON, "{}", 400, "invalid_request"));
        cases.add(new Case("users: userId with a quote", Who.APP, "PUT", "/v1/users/new%27bie", JSON, "{}", 400, "invalid_request"));
        cases.add(new Case("users: userId too long", Who.APP, "PUT", "/v1/users/" + "u".repeat(129), JSON, "{}", 400, "invalid_request"));
        cases.add(new Case("users: oversized body", Who.APP, "PUT", "/v1/users/newbie", JSON, HUGE, 413, "payload_too_large"));
        cases.add(new Case("users: not JSON", Who.APP, "PUT", "/v1/users/newbie", "text/plain", "name=x", 415, "unsupported_media_type"));
        cases.add(new Case("users: unknown user", Who.APP, "GET", "/v1/users/nobody", null, null, 404, "not_found"));
        cases.add(new Case("users: read a bad userId", Who.APP, "GET", "/v1/users/no%20body", null, null, 400, "invalid_request"));
        cases.add(new Case("users: delete an unknown user", Who.APP, "DELETE", "/v1/users/nobody?purge=true", null, null, 404, "not_found"));
        cases.add(new Case("users: purge is no boolean", Who.APP, "DELETE", alice + "?purge=maybe", null, null, 400, "invalid_request"));
        cases.add(new Case("users: delete without the users scope", Who.MESSAGES_ONLY, "DELETE", alice, null, null, 403, "forbidden"));

        // user tokens
        cases.add(new Case("tokens: unknown user", Who.APP, "POST", "/v1/users/nobody/tokens", null, null, 404, "not_found"));
        cases.add(new Case("tokens: lifetime too long", Who.APP, "POST", alice + "/tokens", JSON, "{\"ttlSeconds\": 99999999}", 400, "invalid_request"));
        cases.add(new Case("tokens: lifetime too short", Who.APP, "POST", alice + "/tokens", JSON, "{\"ttlSeconds\": 1}", 400, "invalid_request"));
        cases.add(new Case("tokens: lifetime not a number", Who.APP, "POST", alice + "/tokens", JSON, "{\"ttlSeconds\": \"soon\"}", 400, "invalid_request"));
        cases.add(new Case("tokens: malformed JSON", Who.APP, "POST", alice + "/tokens", JSON, "{{", 400, "invalid_request"));
        cases.add(new Case("tokens: without the users scope", Who.MESSAGES_ONLY, "POST", alice + "/tokens", null, null, 403, "forbidden"));
        cases.add(new Case("tokens: a user token mints nothing", Who.USER_TOKEN, "POST", alice + "/tokens", null, null, 401, "unauthorized"));
        cases.add(new Case("revoke: unknown user", Who.APP, "POST", "/v1/users/nobody/tokens/revoke", null, null, 404, "not_found"));
        cases.add(new Case("revoke: without the users scope", Who.MESSAGES_ONLY, "POST", alice + "/tokens/revoke", null, null, 403, "forbidden"));

        // conversations
        cases.add(new Case("conversations: without the messages scope", Who.USERS_ONLY, "POST", conversations, JSON,
                "{\"type\": \"group\", \"members\": [\"alice\"]}", 403, "forbidden"));
        cases.add(new Case("conversations: read without the messages scope", Who.USERS_ONLY, "GET", directPath, null, null, 403, "forbidden"));
        cases.add(new Case("conversations: malformed JSON", Who.APP, "POST", conversations, JSON, "{\"type\": ", 400, "invalid_request"));
        cases.add(new Case("conversations: empty body", Who.APP, "POST", conversations, JSON, "", 400, "invalid_request"));
        cases.add(new Case("conversations: missing type", Who.APP, "POST", conversations, JSON, "{\"members\": [\"alice\", \"bob\"]}", 400, "invalid_request"));
        cases.add(new Case("conversations: unknown type", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"channel\", \"members\": [\"alice\", \"bob\"]}", 400, "invalid_request"));
        cases.add(new Case("conversations: members of the wrong type", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"group\", \"members\": \"alice\"}", 400, "invalid_request"));
        cases.add(new Case("conversations: missing members", Who.APP, "POST", conversations, JSON, "{\"type\": \"group\"}", 400, "invalid_request"));
        cases.add(new Case("conversations: a member id with a space", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"group\", \"members\": [\"al ice\"]}", 400, "invalid_request"));
        cases.add(new Case("conversations: unknown users", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"group\", \"members\": [\"alice\", \"nobody\"]}", 400, "invalid_request"));
        cases.add(new Case("conversations: direct with three", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"direct\", \"members\": [\"alice\", \"bob\", \"cat\"]}", 400, "invalid_request"));
        cases.add(new Case("conversations: direct with oneself", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"direct\", \"members\": [\"alice\", \"alice\"]}", 400, "invalid_request"));
        cases.add(new Case("conversations: member limit not a number", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"group\", \"members\": [\"alice\"], \"memberLimit\": \"lots\"}", 400, "invalid_request"));
        cases.add(new Case("conversations: member limit above the platform's", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"group\", \"members\": [\"alice\"], \"memberLimit\": 20000}", 400, "invalid_request"));
        cases.add(new Case("conversations: owner who is no member", Who.APP, "POST", conversations, JSON,
                "{\"type\": \"group\", \"members\": [\"alice\"], \"owner\": \"bob\"}", 400, "invalid_request"));
        cases.add(new Case("conversations: oversized body", Who.APP, "POST", conversations, JSON, HUGE, 413, "payload_too_large"));
        cases.add(new Case("conversations: unknown conversation", Who.APP, "GET", conversations + "/" + UNKNOWN_ID, null, null, 404, "not_found"));
        cases.add(new Case("conversations: malformed conversation id", Who.APP, "GET", conversations + "/nope", null, null, 404, "not_found"));

        // members
        cases.add(new Case("members: unknown conversation", Who.APP, "POST", conversations + "/" + UNKNOWN_ID + "/members", JSON,
                "{\"members\": [\"cat\"]}", 404, "not_found"));
        cases.add(new Case("members: a direct conversation's", Who.APP, "POST", directPath + "/members", JSON, "{\"members\": [\"cat\"]}", 400, "invalid_request"));
        cases.add(new Case("members: missing members", Who.APP, "POST", groupPath + "/members", JSON, "{}", 400, "invalid_request"));
        cases.add(new Case("members: members of the wrong type", Who.APP, "POST", groupPath + "/members", JSON, "{\"members\": {\"cat\": 1}}", 400, "invalid_request"));
        cases.add(new Case("members: unknown user", Who.APP, "POST", groupPath + "/members", JSON, "{\"members\": [\"nobody\"]}", 400, "invalid_request"));
        cases.add(new Case("members: nobody is added as owner", Who.APP, "POST", groupPath + "/members", JSON,
                "{\"members\": [\"cat\"], \"role\": \"owner\"}", 400, "invalid_request"));
        cases.add(new Case("members: unknown role", Who.APP, "POST", groupPath + "/members", JSON,
                "{\"members\": [\"cat\"], \"role\": \"king\"}", 400, "invalid_request"));
        cases.add(new Case("members: over the group's limit", Who.APP, "POST", groupPath + "/members", JSON, "{\"members\": [\"cat\"]}", 409, "conflict"));
        cases.add(new Case("members: without the messages scope", Who.USERS_ONLY, "POST", groupPath + "/members", JSON, "{\"members\": [\"cat\"]}", 403, "forbidden"));
        cases.add(new Case("members: remove with malformed JSON", Who.APP, "DELETE", groupPath + "/members", JSON, "{\"members\": [", 400, "invalid_request"));
        cases.add(new Case("members: remove from a direct conversation", Who.APP, "DELETE", directPath + "/members", JSON, "{\"members\": [\"bob\"]}", 400, "invalid_request"));
        cases.add(new Case("members: remove from an unknown conversation", Who.APP, "DELETE", conversations + "/" + UNKNOWN_ID + "/members", JSON,
                "{\"members\": [\"bob\"]}", 404, "not_found"));

        // sending
        cases.add(new Case("send: without the messages scope", Who.USERS_ONLY, "POST", send, JSON, text("alice", "s-1", "hi"), 403, "forbidden"));
        cases.add(new Case("send: no token", Who.NOBODY, "POST", send, JSON, text("alice", "s-1", "hi"), 401, "unauthorized"));
        cases.add(new Case("send: a user token is no app token", Who.USER_TOKEN, "POST", send, JSON, text("alice", "s-1", "hi"), 401, "unauthorized"));
        cases.add(new Case("send: malformed JSON", Who.APP, "POST", send, JSON, "{\"senderId\": \"alice\", ", 400, "invalid_request"));
        cases.add(new Case("send: missing senderId", Who.APP, "POST", send, JSON,
                "{\"clientMsgId\": \"s-1\", \"body\": {\"type\": \"text\", \"text\": \"hi\"}}", 400, "invalid_request"));
        cases.add(new Case("send: missing clientMsgId", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"body\": {\"type\": \"text\", \"text\": \"hi\"}}", 400, "invalid_request"));
        cases.add(new Case("send: missing body", Who.APP, "POST", send, JSON, "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\"}", 400, "invalid_request"));
        cases.add(new Case("send: body of the wrong type", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\", \"body\": \"hi\"}", 400, "invalid_request"));
        cases.add(new Case("send: unknown body type", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\", \"body\": {\"type\": \"video\", \"text\": \"hi\"}}", 400, "invalid_request"));
        cases.add(new Case("send: text too long", Who.APP, "POST", send, JSON, text("alice", "s-1", "t".repeat(4001)), 400, "invalid_request"));
        cases.add(new Case("send: custom without data", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\", \"body\": {\"type\": \"custom\"}}", 400, "invalid_request"));
        cases.add(new Case("send: attachments of the wrong type", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\", \"body\": {\"type\": \"text\", \"text\": \"hi\", \"attachments\": \"a.png\"}}", 400, "invalid_request"));
        cases.add(new Case("send: an attachment without a URL", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\", \"body\": {\"type\": \"text\", \"text\": \"hi\", \"attachments\": [{\"name\": \"a.png\"}]}}", 400, "invalid_request"));
        cases.add(new Case("send: a mention with a space", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\", \"body\": {\"type\": \"text\", \"text\": \"hi\", \"mentions\": [\"b ob\"]}}", 400, "invalid_request"));
        cases.add(new Case("send: a reply to an unknown message", Who.APP, "POST", send, JSON,
                "{\"senderId\": \"alice\", \"clientMsgId\": \"s-1\", \"body\": {\"type\": \"text\", \"text\": \"hi\", \"replyTo\": \"" + UNKNOWN_ID + "\"}}", 400, "invalid_request"));
        cases.add(new Case("send: a sender id with a space", Who.APP, "POST", send, JSON, text("al ice", "s-1", "hi"), 400, "invalid_request"));
        cases.add(new Case("send: a clientMsgId with a space", Who.APP, "POST", send, JSON, text("alice", "s 1", "hi"), 400, "invalid_request"));
        cases.add(new Case("send: unknown conversation", Who.APP, "POST", conversations + "/" + UNKNOWN_ID + "/messages", JSON,
                text("alice", "s-1", "hi"), 404, "not_found"));
        cases.add(new Case("send: malformed conversation id", Who.APP, "POST", conversations + "/nope/messages", JSON,
                text("alice", "s-1", "hi"), 404, "not_found"));
        cases.add(new Case("send: a sender who is no member", Who.APP, "POST", send, JSON, text("cat", "s-1", "hi"), 404, "not_found"));
        cases.add(new Case("send: a sender who does not exist", Who.APP, "POST", send, JSON, text("nobody", "s-1", "hi"), 404, "not_found"));
        cases.add(new Case("send: a clientMsgId used in another conversation", Who.APP, "POST", groupPath + "/messages", JSON,
                text("alice", "first", "hello"), 409, "conflict"));
        cases.add(new Case("send: oversized body", Who.APP, "POST", send, JSON, HUGE, 413, "payload_too_large"));
        cases.add(new Case("send: not JSON", Who.APP, "POST", send, "text/plain", "hi", 415, "unsupported_media_type"));

        // history
        cases.add(new Case("history: afterSeq not a number", Who.APP, "GET", send + "?afterSeq=abc", null, null, 400, "invalid_request"));
        cases.add(new Case("history: negative afterSeq", Who.APP, "GET", send + "?afterSeq=-1", null, null, 400, "invalid_request"));
        cases.add(new Case("history: beforeSeq zero", Who.APP, "GET", send + "?beforeSeq=0", null, null, 400, "invalid_request"));
        cases.add(new Case("history: limit zero", Who.APP, "GET", send + "?limit=0", null, null, 400, "invalid_request"));
        cases.add(new Case("history: limit too large", Who.APP, "GET", send + "?limit=500", null, null, 400, "invalid_request"));
        cases.add(new Case("history: unknown conversation", Who.APP, "GET", conversations + "/" + UNKNOWN_ID + "/messages", null, null, 404, "not_found"));
        cases.add(new Case("history: without the messages scope", Who.USERS_ONLY, "GET", send, null, null, 403, "forbidden"));

        // recall
        cases.add(new Case("recall: unknown message", Who.APP, "POST", "/v1/messages/" + UNKNOWN_ID + "/recall", null, null, 404, "not_found"));
        cases.add(new Case("recall: malformed message id", Who.APP, "POST", "/v1/messages/nope/recall", null, null, 404, "not_found"));
        cases.add(new Case("recall: a userId with a space", Who.APP, "POST", recall, JSON, "{\"userId\": \"al ice\"}", 400, "invalid_request"));
        cases.add(new Case("recall: by someone else than the sender", Who.APP, "POST", recall, JSON, "{\"userId\": \"bob\"}", 403, "forbidden"));
        cases.add(new Case("recall: malformed JSON", Who.APP, "POST", recall, JSON, "{\"userId\": ", 400, "invalid_request"));
        cases.add(new Case("recall: without the messages scope", Who.USERS_ONLY, "POST", recall, null, null, 403, "forbidden"));
        return cases.stream();
    }

    private static String text(String sender, String clientMsgId, String text) {
        return Api.JSON.writeValueAsString(Map.of("senderId", sender, "clientMsgId", clientMsgId,
                "body", Map.of("type", "text", "text", text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_gets_a_problem_with_a_stable_code_and_writes_nothing(Case bad) {
        String before = state();

        Api.Response response = client(bad.who()).raw(bad.method(), bad.path(), bad.contentType(), bad.body() == null ? "" : bad.body());

        response.assertProblem(bad.status(), bad.code());
        assertThat(state()).as("nothing was written").isEqualTo(before);
    }

    private Api.Client client(Who who) {
        return switch (who) {
            case NOBODY -> api().anonymous();
            case APP -> app.client();
            case USERS_ONLY -> usersOnly;
            case MESSAGES_ONLY -> messagesOnly;
            case USER_TOKEN -> api().bearer(userToken);
        };
    }

    /** A fingerprint of everything bad input could have written to the messaging tables, across tenants. */
    private String state() {
        return platform.jdbc().sql("""
                        select concat_ws('|',
                            (select md5(coalesce(string_agg(concat_ws(',', tenant_id, app_id, user_id, name, avatar_url, custom, tags, tokens_valid_after, updated_at), ';' order by tenant_id, app_id, user_id), '')) from end_users),
                            (select md5(coalesce(string_agg(concat_ws(',', id, type, name, member_limit, last_seq), ';' order by id), '')) from conversations),
                            (select md5(coalesce(string_agg(concat_ws(',', conversation_id, user_id, role, read_seq), ';' order by conversation_id, user_id), '')) from conversation_members),
                            (select md5(coalesce(string_agg(concat_ws(',', id, seq, sender_id, client_msg_id, body, recalled_at), ';' order by id), '')) from messages))""")
                .query(String.class)
                .single();
    }
}
