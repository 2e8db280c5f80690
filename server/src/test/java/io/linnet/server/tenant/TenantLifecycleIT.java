package io.linnet.server.tenant;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What suspending a tenant does, and what resuming it gives back. */
class TenantLifecycleIT extends ServerIT {

    @Autowired
    PlatformDatabase platform;

    @Test
    void a_suspended_tenants_members_and_keys_are_refused_at_once_and_come_back_when_it_resumes() {
        Fixtures.TenantOwner suspended = fixtures().tenant("Suspended");
        String app = fixtures().app(suspended, "to-suspend");
        Fixtures.AppKey appKey = fixtures().key(suspended, app);
        String accessToken = api().accessToken(appKey.keyId(), appKey.secret());

        assertThat(operator().post("/ops/v1/tenants/" + suspended.tenantId() + "/suspend", null).json().get("status").asString())
                .isEqualTo("SUSPENDED");

        assertThat(suspended.client().get("/manage/v1/apps").status()).isEqualTo(401);
        assertThat(api().bearer(accessToken).get("/v1/app").status()).isEqualTo(401);
        assertThat(api().basic(appKey.keyId(), appKey.secret()).form("/oauth2/token", Map.of("grant_type", "client_credentials")).status())
                .isEqualTo(401);

        operator().post("/ops/v1/tenants/" + suspended.tenantId() + "/resume", null);
        assertThat(suspended.client().get("/manage/v1/apps").status()).isEqualTo(200);
        assertThat(api().bearer(accessToken).get("/v1/app").status()).isEqualTo(200);
    }

    @Test
    void operators_read_the_whole_platforms_audit_log_or_one_tenants() {
        Fixtures.TenantOwner owner = fixtures().tenant("Audited");
        fixtures().app(owner, "audited-app");

        Api.Response all = operator().get("/ops/v1/audit?limit=200");
        Api.Response one = operator().get("/ops/v1/audit?tenantId=" + owner.tenantId());

        assertThat(all.body()).contains("tenant.created");
        assertThat(one.json().get("items").valueStream().map(e -> e.get("action").asString()).toList())
                .containsExactly("app.created", "tenant.created");
        assertThat(one.json().get("items").valueStream().map(e -> e.get("tenantId").asString()).distinct().toList())
                .containsExactly(owner.tenantId());
        assertThat(owner.client().get("/ops/v1/audit").status()).as("members may not").isEqualTo(403);
    }

    @Test
    void a_tenant_is_deleted_with_everything_it_owns_only_once_suspended() {
        Fixtures.TenantOwner owner = fixtures().tenant("To Delete");
        String app = fixtures().app(owner, "doomed");
        Fixtures.AppKey key = fixtures().key(owner, app);
        String path = "/ops/v1/tenants/" + owner.tenantId();

        assertThat(operator().delete(path).code()).as("an active tenant is not deleted").isEqualTo("conflict");
        operator().post(path + "/suspend", null);
        assertThat(operator().delete(path).status()).isEqualTo(204);

        assertThat(operator().get(path).status()).isEqualTo(404);
        assertThat(owner.client().get("/manage/v1/apps").status()).isEqualTo(401);
        assertThat(api().basic(key.keyId(), key.secret()).form("/oauth2/token", Map.of("grant_type", "client_credentials")).status())
                .isEqualTo(401);
        assertThat(platform.jdbc().sql("select count(*) from apps where tenant_id = ?::uuid").param(owner.tenantId())
                .query(Integer.class).single()).isZero();
        assertThat(operator().get("/ops/v1/audit?tenantId=" + owner.tenantId()).json().get("items").get(0)
                .get("action").asString()).as("the audit log keeps the deletion").isEqualTo("tenant.deleted");
    }

    @Test
    void operators_list_tenants_page_by_page() {
        for (int i = 0; i < 3; i++) {
            fixtures().tenant("Paged " + i);
        }
        Api.Response first = operator().get("/ops/v1/tenants?limit=2");
        assertThat(first.json().get("items").size()).isEqualTo(2);
        String cursor = first.json().get("nextCursor").asString();
        Api.Response second = operator().get("/ops/v1/tenants?limit=2&cursor=" + cursor);
        assertThat(Fixtures.ids(second)).doesNotContainAnyElementsOf(Fixtures.ids(first)).isNotEmpty();
    }

    @Test
    void a_tenant_created_without_a_password_gets_an_invitation_for_its_owner() {
        Api.Response created = operator().post("/ops/v1/tenants",
                Map.of("name", "Invited Owner", "owner", Map.of("email", "invited-owner@lifecycle.test")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("owner").get("status").asString()).isEqualTo("INVITED");
        String link = created.json().get("invitationUrl").asString();

        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(api().anonymous().post("/invitations/" + token, Map.of("password", Fixtures.PASSWORD)).status()).isEqualTo(200);
        assertThat(api().basic("invited-owner@lifecycle.test", Fixtures.PASSWORD).get("/manage/v1/apps").status()).isEqualTo(200);
    }
}
