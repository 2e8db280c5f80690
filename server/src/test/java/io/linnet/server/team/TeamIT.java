package io.linnet.server.team;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's team over {@code /manage/v1/members}: invitations, roles, and what each role may do. */
class TeamIT extends ServerIT {

    @Test
    void an_invited_member_sets_a_password_once_and_signs_in() {
        Fixtures.TenantOwner owner = fixtures().tenant("Team Invite");
        Api.Response invited = owner.client().post("/manage/v1/members", Map.of("email", "New.Dev@Team.test", "role", "DEVELOPER"));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("member").get("email").asString()).isEqualTo("new.dev@team.test");
        assertThat(invited.json().get("member").get("status").asString()).isEqualTo("INVITED");
        String link = invited.json().get("invitationUrl").asString();
        assertThat(link).startsWith(api().baseUrl() + "/invitation/");
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertThat(api().basic("new.dev@team.test", Fixtures.PASSWORD).get("/manage/v1/apps").status())
                .as("no sign-in before accepting").isEqualTo(401);
        Api.Response pending = api().anonymous().get("/invitations/" + token);
        assertThat(pending.json().get("tenantName").asString()).isEqualTo("Team Invite");
        assertThat(pending.json().get("role").asString()).isEqualTo("DEVELOPER");

        Api.Response accepted = api().anonymous().post("/invitations/" + token,
                Map.of("password", Fixtures.PASSWORD, "displayName", "New Dev"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api().anonymous().post("/invitations/" + token, Map.of("password", "another-long-password")).status())
                .as("the link works once").isEqualTo(404);

        Api.Client developer = api().basic("new.dev@team.test", Fixtures.PASSWORD);
        assertThat(developer.post("/manage/v1/apps", Map.of("name", "dev-app")).status()).isEqualTo(201);
        assertThat(owner.client().get("/manage/v1/audit").json().get("items").valueStream()
                .map(e -> e.get("action").asString()).toList()).contains("member.invited", "member.joined");
    }

    @Test
    void each_role_may_do_only_what_it_allows() {
        Fixtures.TenantOwner owner = fixtures().tenant("Team Roles");
        String app = fixtures().app(owner, "roles");
        Api.Client viewer = fixtures().member(owner, "VIEWER");
        Api.Client developer = fixtures().member(owner, "DEVELOPER");
        Api.Client admin = fixtures().member(owner, "ADMIN");

        assertThat(viewer.get("/manage/v1/apps").status()).isEqualTo(200);
        assertThat(viewer.get("/manage/v1/apps/" + app + "/keys").status()).isEqualTo(200);
        assertForbidden(viewer.post("/manage/v1/apps", Map.of("name", "nope")));
        assertForbidden(viewer.post("/manage/v1/apps/" + app + "/keys", Map.of()));
        assertForbidden(viewer.post("/manage/v1/members", Map.of("email", "v@team.test", "role", "VIEWER")));
        assertForbidden(viewer.get("/manage/v1/audit"));

        assertThat(developer.post("/manage/v1/apps/" + app + "/keys", Map.of()).status()).isEqualTo(201);
        assertForbidden(developer.post("/manage/v1/members", Map.of("email", "d@team.test", "role", "VIEWER")));

        assertThat(admin.post("/manage/v1/members", Map.of("email", "a@team.test", "role", "VIEWER")).status()).isEqualTo(201);
        assertForbidden(admin.post("/manage/v1/members", Map.of("email", "o@team.test", "role", "OWNER")));
        assertThat(admin.get("/manage/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void the_last_owner_can_be_neither_removed_nor_demoted_and_a_changed_role_applies_at_once() {
        Fixtures.TenantOwner owner = fixtures().tenant("Team Owners");
        String ownerId = owner.client().get("/manage/v1/members").json().get("items").get(0).get("id").asString();

        assertThat(owner.client().patch("/manage/v1/members/" + ownerId, Map.of("role", "ADMIN")).code()).isEqualTo("conflict");
        assertThat(owner.client().delete("/manage/v1/members/" + ownerId).code()).isEqualTo("conflict");

        Api.Client second = fixtures().member(owner, "ADMIN");
        String secondId = Fixtures.ids(owner.client().get("/manage/v1/members")).getLast();
        assertThat(second.post("/manage/v1/apps", Map.of("name", "before")).status()).isEqualTo(201);
        assertThat(owner.client().patch("/manage/v1/members/" + secondId, Map.of("role", "VIEWER")).json().get("role").asString())
                .isEqualTo("VIEWER");
        assertForbidden(second.post("/manage/v1/apps", Map.of("name", "after")));

        assertThat(owner.client().patch("/manage/v1/members/" + secondId, Map.of("role", "OWNER")).status()).isEqualTo(200);
        assertThat(owner.client().patch("/manage/v1/members/" + ownerId, Map.of("role", "VIEWER")).status())
                .as("with a second owner, the first may step down").isEqualTo(200);

        assertThat(second.delete("/manage/v1/members/" + ownerId).status()).isEqualTo(204);
        assertThat(owner.client().get("/manage/v1/apps").status()).as("a removed member is refused at once").isEqualTo(401);
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
    }
}
