package io.linnet.server.idempotency;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A create retried with the same Idempotency-Key answers the first result and creates nothing more. */
class IdempotencyIT extends ServerIT {

    @Test
    void a_retried_create_answers_the_first_result_and_creates_once() {
        Fixtures.TenantOwner owner = fixtures().tenant("Idem Apps");
        Api.Client client = owner.client().header("Idempotency-Key", "create-app-1");

        Api.Response first = client.post("/manage/v1/apps", Map.of("name", "once"));
        Api.Response retry = client.post("/manage/v1/apps", Map.of("name", "once"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(Fixtures.ids(owner.client().get("/manage/v1/apps"))).hasSize(1);
    }

    @Test
    void a_retried_key_creation_returns_the_same_secret_and_the_key_works() {
        Fixtures.TenantOwner owner = fixtures().tenant("Idem Keys");
        String app = fixtures().app(owner, "keys");
        Api.Client client = owner.client().header("Idempotency-Key", "key-1");

        Api.Response first = client.post("/manage/v1/apps/" + app + "/keys", Map.of("name", "backend"));
        Api.Response retry = client.post("/manage/v1/apps/" + app + "/keys", Map.of("name", "backend"));

        assertThat(retry.json().get("secret").asString()).isEqualTo(first.json().get("secret").asString());
        assertThat(owner.client().get("/manage/v1/apps/" + app + "/keys").json().get("items").size()).isEqualTo(1);
        assertThat(api().bearer(api().accessToken(first.json().get("id").asString(), retry.json().get("secret").asString()))
                .get("/v1/app").status()).isEqualTo(200);
    }

    @Test
    void the_same_key_with_a_different_request_is_a_conflict() {
        Fixtures.TenantOwner owner = fixtures().tenant("Idem Conflict");
        Api.Client client = owner.client().header("Idempotency-Key", "reused");

        assertThat(client.post("/manage/v1/apps", Map.of("name", "first")).status()).isEqualTo(201);
        Api.Response other = client.post("/manage/v1/apps", Map.of("name", "second"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("conflict");
        assertThat(Fixtures.ids(owner.client().get("/manage/v1/apps"))).hasSize(1);
    }

    @Test
    void keys_are_per_caller_so_two_tenants_never_see_each_others_results() {
        Fixtures.TenantOwner a = fixtures().tenant("Idem A");
        Fixtures.TenantOwner b = fixtures().tenant("Idem B");

        Api.Response created = a.client().header("Idempotency-Key", "shared").post("/manage/v1/apps", Map.of("name", "same"));
        Api.Response other = b.client().header("Idempotency-Key", "shared").post("/manage/v1/apps", Map.of("name", "same"));

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.json().get("id").asString()).isNotEqualTo(created.json().get("id").asString());
    }

    @Test
    void a_refused_request_is_replayed_as_refused_and_a_bad_key_is_bad_input() {
        Fixtures.TenantOwner owner = fixtures().tenant("Idem Refused");
        Api.Client client = owner.client().header("Idempotency-Key", "bad-name");

        assertThat(client.post("/manage/v1/apps", Map.of("name", "")).status()).isEqualTo(400);
        assertThat(client.post("/manage/v1/apps", Map.of("name", "")).status()).isEqualTo(400);

        Api.Response tooLong = owner.client().header("Idempotency-Key", "k".repeat(300)).post("/manage/v1/apps", Map.of("name", "x"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("invalid_request");
        assertThat(Fixtures.ids(owner.client().get("/manage/v1/apps"))).isEmpty();
    }
}
