package io.linnet.server.messaging;

import io.linnet.messaging.UserId;
import io.linnet.messaging.user.UserPrincipal;
import io.linnet.messaging.user.UserTokens;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User tokens: minted by the developer's backend, checked by {@link UserTokens#verify} (which the
 * real-time gateway uses), void once revoked or once their user is gone, and never interchangeable
 * with an app's access token.
 */
class UserTokensIT extends ServerIT {

    @Autowired
    UserTokens tokens;

    private MessagingApp app;

    @BeforeEach
    void anAppWithAlice() {
        app = MessagingApp.create(api(), fixtures(), "Token Town");
        app.users("alice");
    }

    private String mint(String userId) {
        Api.Response minted = app.client().post("/v1/users/" + userId + "/tokens", null);
        assertThat(minted.status()).as(minted.toString()).isEqualTo(200);
        return minted.json().get("token").asString();
    }

    @Test
    void a_minted_token_names_tenant_app_and_user_until_it_is_revoked() {
        String token = mint("alice");

        assertThat(tokens.verify(token)).hasValueSatisfying(principal -> {
            assertThat(principal.userId()).isEqualTo(UserId.of("alice"));
            assertThat(principal.appId().toString()).isEqualTo(app.appId());
            assertThat(principal.tenantId().toString()).isEqualTo(app.owner().tenantId());
        });

        assertThat(app.client().post("/v1/users/alice/tokens/revoke", null).status()).isEqualTo(204);
        assertThat(tokens.verify(token)).as("revoked").isEmpty();

        String fresh = mint("alice");
        assertThat(tokens.verify(fresh)).as("minted after the revocation").map(UserPrincipal::userId)
                .contains(UserId.of("alice"));
    }

    @Test
    void a_token_asks_for_its_lifetime_within_bounds() {
        Api.Response shortLived = app.client().post("/v1/users/alice/tokens", Map.of("ttlSeconds", 120));
        Api.Response tooLong = app.client().post("/v1/users/alice/tokens", Map.of("ttlSeconds", 365L * 24 * 3600));

        assertThat(shortLived.status()).isEqualTo(200);
        assertThat(java.time.Instant.parse(shortLived.json().get("expiresAt").asString()))
                .isBetween(java.time.Instant.now().plusSeconds(60), java.time.Instant.now().plusSeconds(180));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("invalid_request");
    }

    @Test
    void a_deleted_users_tokens_are_void_even_when_the_user_is_created_again() {
        String token = mint("alice");

        assertThat(app.client().delete("/v1/users/alice").status()).isEqualTo(204);
        assertThat(tokens.verify(token)).isEmpty();
        app.users("alice");
        assertThat(tokens.verify(token)).as("a new alice is not the old one").isEmpty();
        assertThat(app.client().post("/v1/users/nobody/tokens", null).status()).isEqualTo(404);
    }

    @Test
    void user_tokens_and_app_access_tokens_never_stand_in_for_each_other() {
        // the worst case: a user whose id is the app key's own id, so the token's subject matches the key
        Api.Response key = app.owner().client().post("/manage/v1/apps/" + app.appId() + "/keys",
                Map.of("name", "twin", "scopes", List.of("users", "messages")));
        String keyId = key.json().get("id").asString();
        String accessToken = api().accessToken(keyId, key.json().get("secret").asString());
        app.users(keyId);
        String userToken = mint(keyId);

        for (String path : List.of("/v1/app", "/v1/users/" + keyId, "/v1/users/alice")) {
            Api.Response refused = api().bearer(userToken).get(path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
        }
        assertThat(api().bearer(userToken).put("/v1/users/mallory", Map.of()).status()).isEqualTo(401);
        assertThat(tokens.verify(accessToken)).isEmpty();
        assertThat(tokens.verify(userToken)).isPresent();
        assertThat(tokens.verify("garbage")).isEmpty();
        assertThat(tokens.verify(userToken + "x")).isEmpty();
    }

    @Test
    void a_suspended_tenants_user_tokens_are_refused() {
        String token = mint("alice");

        Api.Response suspended = operator().post("/ops/v1/tenants/" + app.owner().tenantId() + "/suspend", null);

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void a_token_is_refused_for_a_user_of_another_app() {
        MessagingApp other = MessagingApp.inTenant(api(), fixtures(), app.owner(), "token-town-2");
        other.users("bob");

        assertThat(app.client().post("/v1/users/bob/tokens", null).status()).isEqualTo(404);
        assertThat(app.client().post("/v1/users/bob/tokens/revoke", null).status()).isEqualTo(404);
        assertThat(tokens.verify(UUID.randomUUID().toString())).isEmpty();
    }
}
