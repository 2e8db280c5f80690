package io.linnet.server.security;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting an address tells the inviter nothing about other tenants: an address that already has
 * an account elsewhere is invited exactly like a fresh one. Such an invitation cannot be accepted,
 * so it can never take the other account over.
 */
class InvitePrivacyIT extends ServerIT {

    @Test
    void inviting_an_address_of_another_tenant_answers_as_inviting_a_fresh_address() {
        Fixtures.TenantOwner elsewhere = fixtures().tenant("Invite Privacy Elsewhere");
        Fixtures.TenantOwner inviter = fixtures().tenant("Invite Privacy Inviter");
        String fresh = "fresh-" + UUID.randomUUID() + "@privacy.test";

        Api.Response taken = inviter.client().post("/manage/v1/members", Map.of("email", elsewhere.email(), "role", "DEVELOPER"));
        Api.Response free = inviter.client().post("/manage/v1/members", Map.of("email", fresh, "role", "DEVELOPER"));

        assertThat(taken.status()).as(taken.toString()).isEqualTo(201).isEqualTo(free.status());
        assertThat(taken.json().propertyNames()).containsExactlyInAnyOrderElementsOf(free.json().propertyNames());
        assertThat(taken.json().get("member").propertyNames())
                .containsExactlyInAnyOrderElementsOf(free.json().get("member").propertyNames());
        assertThat(taken.json().get("member").get("status").asString()).isEqualTo("INVITED");
        assertThat(taken.json().get("member").get("email").asString()).isEqualTo(elsewhere.email());
        assertThat(taken.json().get("invitationUrl").asString()).startsWith(api().baseUrl() + "/invitation/");
        assertThat(inviter.client().get("/manage/v1/members").json().get("items").valueStream()
                .filter(m -> m.get("status").asString().equals("INVITED")).map(m -> m.get("email").asString()).toList())
                .containsExactlyInAnyOrder(elsewhere.email(), fresh);
        assertThat(elsewhere.client().get("/manage/v1/apps").status()).as("the other account signs in as before").isEqualTo(200);
    }

    @Test
    void such_an_invitation_cannot_be_accepted_and_the_other_account_stays_as_it_was() {
        Fixtures.TenantOwner elsewhere = fixtures().tenant("Invite Takeover Elsewhere");
        String app = fixtures().app(elsewhere, "theirs");
        Fixtures.TenantOwner inviter = fixtures().tenant("Invite Takeover Inviter");
        String link = inviter.client().post("/manage/v1/members", Map.of("email", elsewhere.email(), "role", "OWNER"))
                .json().get("invitationUrl").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);

        Api.Response accepted = api().anonymous().post("/invitations/" + token,
                Map.of("password", "a-password-of-the-taker", "displayName", "Taker"));

        accepted.assertProblem(409, "conflict");
        assertThat(api().basic(elsewhere.email(), "a-password-of-the-taker").get("/manage/v1/apps").status())
                .as("the taker's password opens nothing").isEqualTo(401);
        Api.Response theirApps = elsewhere.client().get("/manage/v1/apps");
        assertThat(theirApps.status()).isEqualTo(200);
        assertThat(Fixtures.ids(theirApps)).as("still in their own tenant").containsExactly(app);
        assertThat(inviter.client().get("/manage/v1/members").json().get("items").valueStream()
                .filter(m -> m.get("email").asString().equals(elsewhere.email()))
                .map(m -> m.get("status").asString()).toList()).containsExactly("INVITED");
    }

    @Test
    void one_tenant_cannot_invite_the_same_address_twice() {
        Fixtures.TenantOwner inviter = fixtures().tenant("Invite Twice");
        String address = "twice-" + UUID.randomUUID() + "@privacy.test";
        assertThat(inviter.client().post("/manage/v1/members", Map.of("email", address, "role", "VIEWER")).status()).isEqualTo(201);

        inviter.client().post("/manage/v1/members", Map.of("email", address, "role", "VIEWER")).assertProblem(409, "conflict");
    }
}
