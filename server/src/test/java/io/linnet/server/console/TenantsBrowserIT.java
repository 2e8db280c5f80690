package io.linnet.server.console;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telling tenants apart in the console: a taken name refused at its field, the list's search and
 * columns, a tenant's page with its owner, apps and members; what a suspended tenant's owner is told at
 * sign-in; and an invitation that tells the inviter nothing about other tenants.
 */
class TenantsBrowserIT extends InBrowser {

    @Test
    void an_operator_is_refused_a_taken_name_beside_the_field_finds_a_tenant_and_sees_its_owner_and_apps() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Searchable " + marker;
        Fixtures.TenantOwner owner = fixtures().tenant(name);
        fixtures().app(owner, "chat-prod");
        fixtures().app(owner, "chat-staging");
        new SignIn(browser).as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        TenantsPage tenants = new TenantsPage(browser).await();

        String refused = tenants.createRefused(" searchable " + marker.toUpperCase(), "another-" + marker + "@taken.test");
        assertThat(refused).startsWith("Tenant name is already used by another tenant");
        assertThat(browser.present(By.id("error-notification"))).as("no pop-up").isFalse();
        browser.screenshot("tenants-taken-name-refused");
        Fixtures.TenantOwner other = fixtures().tenant("Not Searched " + marker.substring(0, 4));
        browser.open("/tenants");
        tenants.await();
        String rows = tenants.search(marker, other.email());
        assertThat(rows).contains(name).contains(owner.email()).doesNotContain(other.email());
        assertThat(browser.byId("tenants").getText()).as("the columns").contains("Owner").contains("Apps")
                .contains("Messages this month");
        browser.screenshot("tenants-search");

        tenants.open(owner.tenantId());
        TenantPage page = new TenantPage(browser);
        assertThat(page.owner()).isEqualTo("Owner: " + owner.email() + " (joined)");
        assertThat(page.apps()).isEqualTo("chat-prod, chat-staging");
        assertThat(page.members()).contains(owner.email()).contains("OWNER").contains("Joined");
        assertThat(page.offersNewOwnerInvitation()).as("the owner has joined").isFalse();
    }

    @Test
    void an_operator_sends_an_owner_who_has_not_joined_a_new_link_that_works() {
        String ownerEmail = "slow-owner-" + UUID.randomUUID() + "@tenants.test";
        Api.Response created = operator().post("/ops/v1/tenants", Map.of("name", "Slow Owner " + UUID.randomUUID(),
                "owner", Map.of("email", ownerEmail)));
        String tenant = created.json().get("tenant").get("id").asString();
        new SignIn(browser).as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        browser.open("/tenants/" + tenant);
        TenantPage page = new TenantPage(browser);
        assertThat(page.owner()).isEqualTo("Owner: " + ownerEmail + " (invited, has not joined yet)");

        String link = page.newOwnerInvitation();

        assertThat(link).startsWith(api().baseUrl() + "/invitation/");
        assertThat(api().anonymous().post("/invitations/" + link.substring(link.lastIndexOf('/') + 1),
                Map.of("password", Fixtures.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void a_suspended_tenants_owner_is_told_so_only_after_the_right_password() {
        Fixtures.TenantOwner owner = fixtures().tenant("Suspended At Sign-in");
        assertThat(operator().post("/ops/v1/tenants/" + owner.tenantId() + "/suspend", null).status()).isEqualTo(200);
        SignIn signIn = new SignIn(browser);

        assertThat(signIn.refused(owner.email(), "not-the-password")).isEqualTo("Wrong e-mail or password");
        assertThat(signIn.refused(owner.email(), Fixtures.PASSWORD)).isEqualTo("Your organisation is suspended");
        browser.screenshot("sign-in-suspended");
        assertThat(signIn.refused("nobody-" + UUID.randomUUID() + "@tenants.test", Fixtures.PASSWORD))
                .isEqualTo("Wrong e-mail or password");

        operator().post("/ops/v1/tenants/" + owner.tenantId() + "/resume", null);
        signIn.as(owner.email(), Fixtures.PASSWORD);
        assertThat(signIn.email()).isEqualTo(owner.email());
    }

    @Test
    void inviting_the_address_of_another_tenants_member_answers_as_inviting_a_fresh_address() {
        Fixtures.TenantOwner elsewhere = fixtures().tenant("Invite Elsewhere Co");
        Fixtures.TenantOwner inviter = fixtures().tenant("Invite Here Co");
        String fresh = "fresh-" + UUID.randomUUID() + "@tenants.test";
        new SignIn(browser).as(inviter.email(), Fixtures.PASSWORD);
        TeamPage team = new TeamPage(browser).open();

        String taken = team.invite(elsewhere.email());
        String free = team.invite(fresh);

        assertThat(taken).startsWith(api().baseUrl() + "/invitation/");
        assertThat(free).startsWith(api().baseUrl() + "/invitation/");
        assertThat(browser.present(By.id("error-notification"))).isFalse();
        assertThat(team.lists(elsewhere.email())).isTrue();
        assertThat(team.lists(fresh)).isTrue();
    }
}
