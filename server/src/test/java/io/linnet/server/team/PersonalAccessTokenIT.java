package io.linnet.server.team;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts call the management and operator APIs with a personal access token instead of a password. */
class PersonalAccessTokenIT extends ServerIT {

    @Test
    void a_member_token_acts_with_the_members_role_until_it_is_revoked() {
        Fixtures.TenantOwner owner = fixtures().tenant("Pat Member");
        Api.Response created = owner.client().post("/manage/v1/access-tokens", Map.of("name", "ci", "expiresInDays", 30));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).startsWith("lpat_");
        assertThat(created.json().get("expiresAt").isNull()).isFalse();

        Api.Client script = api().bearer(token);
        assertThat(script.post("/manage/v1/apps", Map.of("name", "from-ci")).status()).isEqualTo(201);
        assertThat(script.get("/ops/v1/tenants").status()).as("a member's token is no operator's").isEqualTo(403);
        assertThat(owner.client().get("/manage/v1/access-tokens").body()).contains("\"ci\"").doesNotContain(token);
        assertThat(owner.client().get("/manage/v1/access-tokens").json().get("items").get(0).get("lastUsedAt").isNull()).isFalse();

        String id = created.json().get("id").asString();
        assertThat(owner.client().post("/manage/v1/access-tokens/" + id + "/revoke", null).status()).isEqualTo(200);
        Api.Response refused = script.get("/manage/v1/apps");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
    }

    @Test
    void an_operator_token_reaches_the_operator_api_and_other_accounts_tokens_are_not_found() {
        Api.Response created = operator().post("/ops/v1/access-tokens", Map.of("name", "ops-script"));
        Api.Client script = api().bearer(created.json().get("token").asString());
        assertThat(script.get("/ops/v1/tenants").status()).isEqualTo(200);
        assertThat(script.get("/manage/v1/apps").status()).isEqualTo(403);

        Fixtures.TenantOwner owner = fixtures().tenant("Pat Other");
        String operatorTokenId = created.json().get("id").asString();
        assertThat(owner.client().post("/manage/v1/access-tokens/" + operatorTokenId + "/revoke", null).status()).isEqualTo(404);
        assertThat(script.get("/ops/v1/tenants").status()).isEqualTo(200);
    }

    @Test
    void unknown_tokens_and_bad_lifetimes_are_refused() {
        Fixtures.TenantOwner owner = fixtures().tenant("Pat Bad");
        assertThat(api().bearer("lpat_not-a-real-token").get("/manage/v1/apps").status()).isEqualTo(401);
        assertThat(owner.client().post("/manage/v1/access-tokens", Map.of("expiresInDays", 0)).code()).isEqualTo("invalid_request");
        assertThat(owner.client().post("/manage/v1/access-tokens", Map.of("expiresInDays", "soon")).code()).isEqualTo("invalid_request");
        assertThat(owner.client().get("/manage/v1/access-tokens").json().get("items").size()).isZero();
    }

    @Test
    void a_suspended_tenants_tokens_stop_working() {
        Fixtures.TenantOwner owner = fixtures().tenant("Pat Suspended");
        Api.Client script = api().bearer(owner.client().post("/manage/v1/access-tokens", Map.of()).json().get("token").asString());
        assertThat(script.get("/manage/v1/apps").status()).isEqualTo(200);

        operator().post("/ops/v1/tenants/" + owner.tenantId() + "/suspend", null);

        assertThat(script.get("/manage/v1/apps").status()).isEqualTo(401);
    }
}
