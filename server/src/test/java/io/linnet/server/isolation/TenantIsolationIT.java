package io.linnet.server.isolation;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant's resources answer exactly as missing ones do, and nothing about them changes. */
class TenantIsolationIT extends ServerIT {

    private Fixtures.TenantOwner alice;
    private Fixtures.TenantOwner mallory;
    private String aliceApp;
    private Fixtures.AppKey aliceKey;

    @BeforeEach
    void twoTenants() {
        alice = fixtures().tenant("Alice Inc");
        mallory = fixtures().tenant("Mallory Ltd");
        aliceApp = fixtures().app(alice, "alice-prod");
        aliceKey = fixtures().key(alice, aliceApp);
    }

    @Test
    void another_tenants_app_and_keys_are_not_found_on_every_management_endpoint_and_nothing_changes() {
        String app = "/manage/v1/apps/" + aliceApp;
        String key = app + "/keys/" + aliceKey.keyId();
        Api.Client client = mallory.client();
        String before = snapshot();

        assertNotFound(client.get(app));
        assertNotFound(client.patch(app, Map.of("name", "stolen")));
        assertNotFound(client.delete(app));
        assertNotFound(client.get(app + "/keys"));
        assertNotFound(client.post(app + "/keys", Map.of("name", "backdoor")));
        assertNotFound(client.get(key));
        assertNotFound(client.post(key + "/rotate", null));
        assertNotFound(client.post(key + "/revoke", null));

        assertThat(Fixtures.ids(client.get("/manage/v1/apps"))).doesNotContain(aliceApp);
        assertThat(client.get("/manage/v1/audit").body()).doesNotContain(aliceApp).doesNotContain(aliceKey.keyId());
        assertThat(snapshot()).as("alice's app and keys are unchanged").isEqualTo(before);
        assertThat(api().bearer(api().accessToken(aliceKey.keyId(), aliceKey.secret())).get("/v1/app").status())
                .as("alice's key still works").isEqualTo(200);
    }

    @Test
    void another_tenants_members_are_not_found_and_cannot_be_changed() {
        String aliceOwnerId = alice.client().get("/manage/v1/members").json().get("items").get(0).get("id").asString();
        Api.Client client = mallory.client();

        assertNotFound(client.get("/manage/v1/members/" + aliceOwnerId));
        assertNotFound(client.patch("/manage/v1/members/" + aliceOwnerId, Map.of("role", "VIEWER")));
        assertNotFound(client.delete("/manage/v1/members/" + aliceOwnerId));
        assertNotFound(client.post("/manage/v1/members/" + aliceOwnerId + "/invitation", null));
        assertThat(Fixtures.ids(client.get("/manage/v1/members"))).doesNotContain(aliceOwnerId);

        Api.Response still = alice.client().get("/manage/v1/members/" + aliceOwnerId);
        assertThat(still.json().get("role").asString()).isEqualTo("OWNER");
    }

    @Test
    void an_apps_token_sees_only_its_own_app() {
        String malloryApp = fixtures().app(mallory, "mallory-prod");
        Fixtures.AppKey malloryKey = fixtures().key(mallory, malloryApp);

        Api.Response alicesView = api().bearer(api().accessToken(aliceKey.keyId(), aliceKey.secret())).get("/v1/app");
        Api.Response mallorysView = api().bearer(api().accessToken(malloryKey.keyId(), malloryKey.secret())).get("/v1/app");

        assertThat(alicesView.json().get("id").asString()).isEqualTo(aliceApp);
        assertThat(mallorysView.json().get("id").asString()).isEqualTo(malloryApp);
        assertThat(mallorysView.body()).doesNotContain(aliceApp).doesNotContain(alice.tenantId());
    }

    @Test
    void a_key_cannot_get_a_token_with_another_keys_secret() {
        String malloryApp = fixtures().app(mallory, "mallory-prod");
        Fixtures.AppKey malloryKey = fixtures().key(mallory, malloryApp);

        Api.Response token = api().basic(aliceKey.keyId(), malloryKey.secret())
                .form("/oauth2/token", Map.of("grant_type", "client_credentials"));

        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void members_cannot_use_the_operator_api_and_operators_cannot_use_a_tenants_api() {
        assertThat(alice.client().get("/ops/v1/tenants").status()).isEqualTo(403);
        assertThat(alice.client().post("/ops/v1/tenants/" + mallory.tenantId() + "/suspend", null).status()).isEqualTo(403);
        assertThat(operator().get("/manage/v1/apps").status()).isEqualTo(403);
        assertThat(api().bearer(api().accessToken(aliceKey.keyId(), aliceKey.secret())).get("/manage/v1/apps").status())
                .as("an app token is no console account").isEqualTo(401);
    }

    private String snapshot() {
        return alice.client().get("/manage/v1/apps/" + aliceApp).body() + alice.client().get("/manage/v1/apps/" + aliceApp + "/keys").body()
                .replaceAll("\"lastUsedAt\":\"[^\"]*\"", "");
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("not_found");
    }
}
