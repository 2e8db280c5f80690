package io.linnet.server.messaging;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another tenant's app, and another app of the same tenant, find none of an app's users,
 * conversations and messages (404, exactly as for missing ones) and change nothing of them; and
 * PostgreSQL hides the rows even from a query that forgets its tenant filter.
 */
class MessagingIsolationIT extends ServerIT {

    @Autowired
    PlatformDatabase platform;

    @Autowired
    TenantDatabase database;

    private MessagingApp victim;
    private String direct;
    private String group;
    private String messageId;

    @BeforeEach
    void anAppWithAChat() {
        victim = MessagingApp.create(api(), fixtures(), "Victim Chat");
        victim.users("alice", "bob");
        direct = victim.direct("alice", "bob");
        group = victim.group("Secret", "alice", "bob");
        messageId = victim.sent(direct, "alice", "m-1", "private words").get("messageId").asString();
        victim.sent(group, "bob", "m-2", "group words");
    }

    @Test
    void another_tenants_app_finds_nothing_and_changes_nothing() {
        MessagingApp stranger = MessagingApp.create(api(), fixtures(), "Stranger Chat");
        everythingIsNotFoundFor(stranger);
    }

    @Test
    void another_app_of_the_same_tenant_finds_nothing_and_changes_nothing() {
        MessagingApp sibling = MessagingApp.inTenant(api(), fixtures(), victim.owner(), "sibling-chat");
        everythingIsNotFoundFor(sibling);
    }

    private void everythingIsNotFoundFor(MessagingApp intruder) {
        Api.Client client = intruder.client();
        String before = snapshot();
        String conversation = "/v1/conversations/" + direct;
        Map<String, Object> send = Map.of("senderId", "alice", "clientMsgId", "x-1", "body", Map.of("type", "text", "text", "hijack"));

        assertNotFound(client.get("/v1/users/alice"));
        assertNotFound(client.delete("/v1/users/alice?purge=true"));
        assertNotFound(client.post("/v1/users/alice/tokens", null));
        assertNotFound(client.post("/v1/users/bob/tokens/revoke", null));
        for (String id : List.of(direct, group)) {
            assertNotFound(client.get("/v1/conversations/" + id));
            assertNotFound(client.get("/v1/conversations/" + id + "/messages?afterSeq=0"));
            assertNotFound(client.post("/v1/conversations/" + id + "/messages", send));
            assertNotFound(client.post("/v1/conversations/" + id + "/members", Map.of("members", List.of("alice"))));
            assertNotFound(client.raw("DELETE", "/v1/conversations/" + id + "/members", "application/json", "{\"members\":[\"bob\"]}"));
        }
        assertNotFound(client.post("/v1/messages/" + messageId + "/recall", null));
        assertNotFound(client.post("/v1/messages/" + messageId + "/recall", Map.of("userId", "alice")));

        Api.Response theirUsers = client.post("/v1/conversations", Map.of("type", "direct", "members", List.of("alice", "bob")));
        Api.Response noUsers = client.post("/v1/conversations", Map.of("type", "direct", "members", List.of("nobody", "noone")));
        assertThat(theirUsers.status()).as("another app's users are unknown, as missing ones are").isEqualTo(noUsers.status());
        assertThat(theirUsers.code()).isEqualTo(noUsers.code()).isEqualTo("invalid_request");

        // the intruder's own "alice" is a different user in a different app
        assertThat(client.put("/v1/users/alice", Map.of("name", "Not Alice")).status()).isEqualTo(201);
        intruder.users("bob");
        String theirs = intruder.direct("alice", "bob");
        assertThat(theirs).isNotEqualTo(direct);
        assertNotFound(client.post(conversation + "/messages", send));
        assertThat(intruder.history(theirs, "?afterSeq=0").get("items").isEmpty()).isTrue();

        assertThat(snapshot()).as("the victim's users, conversations and messages are unchanged").isEqualTo(before);
        assertThat(victim.client().get("/v1/users/alice").json().get("name").asString()).isEqualTo("alice");
        assertThat(victim.history(direct, "?afterSeq=0").toString()).contains("private words");
    }

    @Test
    void row_level_security_hides_another_tenants_messaging_rows_from_an_unfiltered_query() {
        MessagingApp stranger = MessagingApp.create(api(), fixtures(), "Rls Stranger");
        stranger.users("carol");
        TenantId strangerTenant = TenantId.of(stranger.owner().tenantId());

        for (String table : List.of("end_users", "conversations", "conversation_members", "messages")) {
            List<UUID> tenants = database.inTenant(strangerTenant,
                    () -> database.jdbc().sql("select distinct tenant_id from " + table).query(UUID.class).list());
            assertThat(tenants).as(table).doesNotContain(UUID.fromString(victim.owner().tenantId()));
            int changed = database.inTenant(strangerTenant, () -> database.jdbc()
                    .sql("update " + table + " set tenant_id = tenant_id where tenant_id = ?")
                    .param(UUID.fromString(victim.owner().tenantId())).update());
            assertThat(changed).as(table).isZero();
        }
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.body()).doesNotContain("private").doesNotContain("words");
    }

    /** Everything of the victim's app, as the platform sees it. */
    private String snapshot() {
        UUID app = UUID.fromString(victim.appId());
        return platform.jdbc().sql("""
                        select concat_ws('|',
                            (select md5(coalesce(string_agg(concat_ws(',', user_id, name, avatar_url, custom, tags, tokens_valid_after, updated_at), ';' order by user_id), '')) from end_users where app_id = :app),
                            (select md5(coalesce(string_agg(concat_ws(',', id, type, name, last_seq), ';' order by id), '')) from conversations where app_id = :app),
                            (select md5(coalesce(string_agg(concat_ws(',', conversation_id, user_id, role, read_seq), ';' order by conversation_id, user_id), '')) from conversation_members where app_id = :app),
                            (select md5(coalesce(string_agg(concat_ws(',', id, seq, sender_id, body, recalled_at), ';' order by id), '')) from messages where app_id = :app))""")
                .param("app", app)
                .query(String.class)
                .single();
    }
}
