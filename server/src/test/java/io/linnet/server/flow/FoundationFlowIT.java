package io.linnet.server.flow;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The path a new customer takes, end to end over HTTP: tenant, app, key, token, API call, rotation, revocation. */
class FoundationFlowIT extends ServerIT {

    @Test
    void an_operator_onboards_a_tenant_whose_key_reaches_the_developer_api_until_it_is_revoked() {
        Api.Response tenant = operator().post("/ops/v1/tenants", Map.of("name", "Acme Chat",
                "owner", Map.of("email", "owner@acme-flow.test", "password", Fixtures.PASSWORD)));
        assertThat(tenant.status()).isEqualTo(201);
        assertThat(tenant.json().get("owner").get("role").asString()).isEqualTo("OWNER");
        assertThat(tenant.json().get("invitationUrl").isNull()).isTrue();
        Api.Client owner = api().basic("owner@acme-flow.test", Fixtures.PASSWORD);

        Api.Response app = owner.post("/manage/v1/apps", Map.of("name", "chat-prod"));
        assertThat(app.status()).isEqualTo(201);
        String appId = app.json().get("id").asString();
        assertThat(app.header("Location")).isEqualTo("/manage/v1/apps/" + appId);

        Api.Response key = owner.post("/manage/v1/apps/" + appId + "/keys", Map.of("name", "backend"));
        assertThat(key.status()).isEqualTo(201);
        String keyId = key.json().get("id").asString();
        String secret = key.json().get("secret").asString();
        assertThat(secret).startsWith("lks_");
        assertThat(owner.get("/manage/v1/apps/" + appId + "/keys").body())
                .as("the secret is shown once, never listed").doesNotContain(secret);

        Api.Response token = api().basic(keyId, secret).form("/oauth2/token", Map.of("grant_type", "client_credentials"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asString()).isEqualTo("Bearer");
        String accessToken = token.json().get("access_token").asString();

        Api.Response own = api().bearer(accessToken).get("/v1/app");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("id").asString()).isEqualTo(appId);
        assertThat(own.json().get("name").asString()).isEqualTo("chat-prod");
        assertThat(own.json().get("tenantId").asString()).isEqualTo(tenant.json().get("tenant").get("id").asString());

        Api.Response rotated = owner.post("/manage/v1/apps/" + appId + "/keys/" + keyId + "/rotate", null);
        assertThat(rotated.status()).isEqualTo(201);
        String newKeyId = rotated.json().get("id").asString();
        String newAccessToken = api().accessToken(newKeyId, rotated.json().get("secret").asString());
        assertThat(api().bearer(newAccessToken).get("/v1/app").status()).as("the new key works").isEqualTo(200);
        assertThat(api().bearer(accessToken).get("/v1/app").status()).as("the old key still works").isEqualTo(200);
        assertThat(owner.post("/manage/v1/apps/" + appId + "/keys", Map.of()).code())
                .as("no third live key").isEqualTo("conflict");

        Api.Response revoked = owner.post("/manage/v1/apps/" + appId + "/keys/" + keyId + "/revoke", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");

        Api.Response refused = api().bearer(accessToken).get("/v1/app");
        assertThat(refused.status()).as("the revoked key's token stops at once").isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("unauthorized");
        Api.Response noToken = api().basic(keyId, secret).form("/oauth2/token", Map.of("grant_type", "client_credentials"));
        assertThat(noToken.status()).as("the revoked key gets no new token").isEqualTo(401);
        assertThat(noToken.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(api().bearer(newAccessToken).get("/v1/app").status()).as("the other key is untouched").isEqualTo(200);

        Api.Response keys = owner.get("/manage/v1/apps/" + appId + "/keys");
        assertThat(keys.json().get("items").valueStream()
                .filter(k -> k.get("id").asString().equals(newKeyId))
                .findFirst().orElseThrow().get("lastUsedAt").isNull())
                .as("using a key records when it was last used").isFalse();

        Api.Response audit = owner.get("/manage/v1/audit");
        assertThat(audit.json().get("items").valueStream().map(e -> e.get("action").asString()).toList())
                .containsSubsequence("app_key.revoked", "app_key.rotated", "app_key.created", "app.created", "tenant.created");
        assertThat(audit.json().get("items").get(0).get("actor").asString()).isEqualTo("owner@acme-flow.test");
        assertThat(audit.json().get("items").get(0).get("sourceAddress").asString()).isNotBlank();
    }

    @Test
    void a_token_request_names_the_keys_scopes_and_a_narrower_scope_can_be_asked_for() {
        Fixtures.TenantOwner owner = fixtures().tenant("Scopes");
        String appId = fixtures().app(owner, "scoped");
        Api.Response key = owner.client().post("/manage/v1/apps/" + appId + "/keys",
                Map.of("name", "push only", "scopes", java.util.List.of("push")));
        assertThat(key.json().get("scopes").valueStream().map(n -> n.asString()).toList()).containsExactly("push");

        Api.Response narrower = api().basic(key.json().get("id").asString(), key.json().get("secret").asString())
                .form("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "push"));
        assertThat(narrower.status()).isEqualTo(200);
        assertThat(narrower.json().get("scope").asString()).isEqualTo("push");

        Api.Response wider = api().basic(key.json().get("id").asString(), key.json().get("secret").asString())
                .form("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "messages"));
        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.json().get("error").asString()).isEqualTo("invalid_scope");
        assertThat(wider.contentType()).startsWith("application/problem+json");
    }
}
