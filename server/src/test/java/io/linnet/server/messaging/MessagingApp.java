package io.linnet.server.messaging;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An app of its own tenant and the developer API as its backend calls it, for the messaging tests. */
public record MessagingApp(Fixtures.TenantOwner owner, String appId, Fixtures.AppKey key, Api.Client client) {

    /** A fresh tenant with one app and a key with every scope. */
    public static MessagingApp create(Api api, Fixtures fixtures, String name) {
        Fixtures.TenantOwner owner = fixtures.tenant(name);
        return inTenant(api, fixtures, owner, name.toLowerCase().replaceAll("[^a-z0-9]", "-"));
    }

    /** Another app of {@code owner}'s tenant. */
    public static MessagingApp inTenant(Api api, Fixtures fixtures, Fixtures.TenantOwner owner, String appName) {
        String app = fixtures.app(owner, appName);
        Fixtures.AppKey key = fixtures.key(owner, app);
        return new MessagingApp(owner, app, key, api.bearer(api.accessToken(key.keyId(), key.secret())));
    }

    /** A client of this app with an access token that carries only {@code scopes}. */
    public Api.Client withScopes(Api api, String... scopes) {
        Api.Response token = api.basic(key.keyId(), key.secret()).form("/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", String.join(" ", scopes)));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return api.bearer(token.json().get("access_token").asString());
    }

    public void users(String... userIds) {
        for (String userId : userIds) {
            Api.Response put = client.put("/v1/users/" + userId, Map.of("name", userId));
            assertThat(put.status()).as(put.toString()).isIn(200, 201);
        }
    }

    public String direct(String a, String b) {
        Api.Response created = client.post("/v1/conversations", Map.of("type", "direct", "members", List.of(a, b)));
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        return created.json().get("id").asString();
    }

    public String group(String name, String... members) {
        Api.Response created = client.post("/v1/conversations",
                Map.of("type", "group", "name", name, "members", List.of(members), "owner", members[0]));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public Api.Response send(String conversation, String sender, String clientMsgId, String text) {
        return client.post("/v1/conversations/" + conversation + "/messages", Map.of("senderId", sender,
                "clientMsgId", clientMsgId, "body", Map.of("type", "text", "text", text)));
    }

    /** Sends and answers the new message's {messageId, seq}. */
    public JsonNode sent(String conversation, String sender, String clientMsgId, String text) {
        Api.Response sent = send(conversation, sender, clientMsgId, text);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.json();
    }

    public JsonNode history(String conversation, String query) {
        Api.Response history = client.get("/v1/conversations/" + conversation + "/messages" + query);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.json();
    }

    public static List<Long> seqs(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("seq").asLong()).toList();
    }
}
