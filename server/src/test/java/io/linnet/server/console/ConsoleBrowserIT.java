package io.linnet.server.console;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The console in a real browser, against the whole running server: the flows people take. */
class ConsoleBrowserIT extends InBrowser {

    @Test
    void an_owner_creates_an_app_and_a_key_whose_secret_is_shown_once_then_revokes_it() {
        Fixtures.TenantOwner owner = fixtures().tenant("Browser Owner Co");
        SignIn signIn = new SignIn(browser);
        signIn.as(owner.email(), Fixtures.PASSWORD);
        assertThat(signIn.email()).isEqualTo(owner.email());
        assertThat(signIn.role()).isEqualTo("OWNER");
        assertThat(signIn.tenant()).isEqualTo("Browser Owner Co");
        assertThat(browser.currentUrl()).as("a member starts at the apps").endsWith("/apps");

        AppsPage apps = new AppsPage(browser);
        assertThat(apps.emptyStateText()).isEqualTo("No apps yet — create one to get an app key");
        AppKeysPage keys = apps.create("chat-prod").openKeys("chat-prod");

        AppKeysPage.ShownKey shown = keys.createKey("backend");
        assertThat(shown.secret()).startsWith("lks_");
        assertThat(shown.keyId()).startsWith("lk_");
        assertThat(keys.secretWarningShown()).isTrue();
        browser.screenshot("a-owner-sees-the-new-secret-once");

        keys.closeSecretDialog();
        assertThat(keys.status(shown.keyId())).isEqualTo("ACTIVE");
        assertThat(browser.pageSource()).as("the secret is gone from the page once the dialog is closed")
                .doesNotContain(shown.secret());

        AppKeysPage.ShownKey second = keys.createKey("backend-next");
        keys.closeSecretDialog();
        assertThat(keys.createKeyRefused("one-too-many", "live keys"))
                .as("the services' reason is shown").contains("already has 2 live keys");

        keys.revoke(shown.keyId());
        assertThat(keys.status(second.keyId())).isEqualTo("ACTIVE");
        assertThat(keys.status(shown.keyId())).isEqualTo("REVOKED");
        assertThat(browser.pageSource()).doesNotContain(shown.secret()).doesNotContain(second.secret());
    }

    @Test
    void a_viewer_sees_keys_and_team_but_may_create_or_invite_nothing() {
        Fixtures.TenantOwner owner = fixtures().tenant("Browser Viewer Co");
        String appId = fixtures().app(owner, "viewer-app");
        Fixtures.AppKey key = fixtures().key(owner, appId);
        fixtures().member(owner, "VIEWER");
        String viewer = memberWithRole(owner, "VIEWER");

        SignIn signIn = new SignIn(browser);
        signIn.as(viewer, Fixtures.PASSWORD);
        assertThat(signIn.role()).isEqualTo("VIEWER");
        assertThat(signIn.menu()).as("the menu offers only what a viewer may open").containsExactly("Apps", "Analytics", "Users", "Conversations", "Team", "My account");

        AppKeysPage keys = new AppKeysPage(browser).open(appId);
        assertThat(keys.status(key.keyId())).isEqualTo("ACTIVE");
        assertThat(keys.offersCreateKey()).isFalse();
        assertThat(browser.pageSource()).doesNotContain("revoke-" + key.keyId());
        browser.screenshot("b-viewer-sees-keys-without-create");

        TeamPage team = new TeamPage(browser).open();
        assertThat(team.lists(viewer)).isTrue();
        assertThat(team.offersInvite()).isFalse();
    }

    @Test
    void an_operator_creates_a_tenant_whose_invited_owner_sets_a_password_and_signs_in() {
        SignIn signIn = new SignIn(browser);
        signIn.as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        assertThat(signIn.role()).isEqualTo("OPERATOR");
        assertThat(signIn.menu()).containsExactly("Tenants", "Platform usage", "Plans", "Invoices", "Audit log", "Password resets", "My account");

        String ownerEmail = "founder-" + UUID.randomUUID() + "@invited-co.test";
        TenantsPage tenants = new TenantsPage(browser).await();
        String link = tenants.createInvitingOwner("Invited Co", ownerEmail);
        assertThat(link).startsWith(api().baseUrl() + "/invitation/");
        tenants.closeInvitation();
        assertThat(tenants.lists("Invited Co")).isTrue();
        signIn.signOut();

        InvitationPage invitation = new InvitationPage(browser).open(link);
        assertThat(invitation.title()).isEqualTo("Join Invited Co");
        assertThat(invitation.details()).contains(ownerEmail).contains("as Owner");
        invitation.accept("the-founders-password", "Ada Founder");
        invitation.goToSignIn();

        signIn.as(ownerEmail, "the-founders-password");
        assertThat(signIn.email()).isEqualTo(ownerEmail);
        assertThat(signIn.role()).isEqualTo("OWNER");
        assertThat(signIn.tenant()).isEqualTo("Invited Co");
        browser.screenshot("c-invited-owner-signed-in");

        assertThat(browser.present(org.openqa.selenium.By.id("invitation-tenant"))).isFalse();
        new InvitationPage(browser);
        browser.open(link);
        assertThat(browser.byId("invitation-invalid").getText()).isEqualTo("This invitation link does not work");
    }

    @Test
    void a_member_makes_a_personal_access_token_shown_once_and_changes_the_password() {
        Fixtures.TenantOwner owner = fixtures().tenant("Browser Account Co");
        SignIn signIn = new SignIn(browser);
        signIn.as(owner.email(), Fixtures.PASSWORD);

        AccountPage account = new AccountPage(browser).open();
        assertThat(account.emptyTokens()).isTrue();
        String token = account.createToken("deploy script");
        assertThat(token).startsWith("lpat_");
        browser.screenshot("d-member-sees-a-new-token-once");
        account.closeToken();
        assertThat(browser.pageSource()).doesNotContain(token);
        assertThat(api().bearer(token).get("/manage/v1/apps").status()).as("the token works for scripts").isEqualTo(200);

        account.changePassword(Fixtures.PASSWORD, "a-brand-new-password");
        assertThat(browser.notification("password was changed")).contains("Your password was changed");
        assertThat(api().basic(owner.email(), Fixtures.PASSWORD).get("/manage/v1/apps").status()).isEqualTo(401);
        signIn.signOut();
        signIn.as(owner.email(), "a-brand-new-password");
        assertThat(signIn.email()).isEqualTo(owner.email());

        new AccountPage(browser).open().revokeToken("deploy script");
        assertThat(api().bearer(token).get("/manage/v1/apps").status()).as("a revoked token is refused").isEqualTo(401);
    }

    @Test
    void an_operator_deletes_a_tenant_only_after_suspending_it_and_typing_its_name() {
        Fixtures.TenantOwner doomed = fixtures().tenant("Doomed Co");
        SignIn signIn = new SignIn(browser);
        signIn.as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        TenantsPage tenants = new TenantsPage(browser).await();
        assertThat(tenants.lists("Doomed Co")).isTrue();
        assertThat(tenants.offersDelete(doomed.tenantId())).as("an active tenant cannot be deleted").isFalse();

        tenants.suspend(doomed.tenantId());
        tenants.delete(doomed.tenantId(), "Doomed Co");

        assertThat(browser.notification("was deleted")).contains("Doomed Co was deleted");
        assertThat(operator().get("/ops/v1/tenants/" + doomed.tenantId()).status()).isEqualTo(404);
    }

    /** The e-mail of the tenant's member with {@code role}, as the owner's team list shows it. */
    private static String memberWithRole(Fixtures.TenantOwner owner, String role) {
        Api.Response members = owner.client().get("/manage/v1/members");
        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        return members.json().get("items").valueStream()
                .filter(member -> role.equals(member.get("role").asString()))
                .map(member -> member.get("email").asString())
                .findFirst().orElseThrow();
    }
}
