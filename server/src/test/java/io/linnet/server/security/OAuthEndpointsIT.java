package io.linnet.server.security;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server advertises only what it does: no revocation or introspection endpoint
 * in the metadata, and those paths answer 404 instead of a 200 that changes nothing. A token is
 * stopped by revoking its key.
 */
class OAuthEndpointsIT extends ServerIT {

    @Test
    void the_metadata_advertises_the_token_endpoint_and_the_keys_but_no_revocation_or_introspection() {
        Api.Response metadata = api().anonymous().get("/.well-known/oauth-authorization-server");

        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().has("token_endpoint")).isTrue();
        assertThat(metadata.json().has("jwks_uri")).isTrue();
        assertThat(metadata.json().propertyNames()).doesNotContain("revocation_endpoint",
                "revocation_endpoint_auth_methods_supported", "introspection_endpoint",
                "introspection_endpoint_auth_methods_supported");
        assertThat(api().anonymous().get(path(metadata.json().get("jwks_uri").asString())).status()).isEqualTo(200);
    }

    @Test
    void revocation_and_introspection_answer_404_and_leave_the_token_as_it_was() {
        Fixtures.TenantOwner owner = fixtures().tenant("OAuth Endpoints");
        String app = fixtures().app(owner, "oauth-endpoints");
        Fixtures.AppKey key = fixtures().key(owner, app);
        String token = api().accessToken(key.keyId(), key.secret());
        Api.Client asKey = api().basic(key.keyId(), key.secret());

        asKey.form("/oauth2/revoke", Map.of("token", token)).assertProblem(404, "not_found");
        asKey.form("/oauth2/introspect", Map.of("token", token)).assertProblem(404, "not_found");

        assertThat(api().bearer(token).get("/v1/app").status()).as("nothing claimed to revoke it").isEqualTo(200);
        assertThat(owner.client().post("/manage/v1/apps/" + app + "/keys/" + key.keyId() + "/revoke", null).status())
                .isEqualTo(200);
        assertThat(api().bearer(token).get("/v1/app").status()).as("revoking the key stops its token at once").isEqualTo(401);
    }

    private String path(String url) {
        return url.substring(url.indexOf('/', url.indexOf("//") + 2));
    }
}
