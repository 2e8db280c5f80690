package io.linnet.server.console;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rough edges a new admin hits first (issue 14), in a real browser: refusals beside the field rather than in
 * pop-ups, pages that do not exist or are not for the role shown inside the console, names a key or token must have,
 * a rotation that cannot work not offered, an app deleted only with its name typed, and an icon for the tab.
 */
class RoughEdgesBrowserIT extends InBrowser {

    @Test
    void an_owner_is_told_beside_the_field_what_is_wrong_with_an_invitation_and_sees_roles_as_words() {
        Fixtures.TenantOwner owner = fixtures().tenant("Rough Team Co");
        fixtures().member(owner, "MODERATOR");
        new SignIn(browser).as(owner.email(), Fixtures.PASSWORD);

        TeamPage team = new TeamPage(browser).open();
        assertThat(team.showsCell("Moderator")).isTrue();
        assertThat(team.showsCell("MODERATOR")).isFalse();
        assertThat(team.inviteRefused("")).isEqualTo("Enter the e-mail address of the person to invite");
        assertThat(team.inviteRefused("not-an-e-mail")).isEqualTo("E-mail must be an e-mail address such as ada@example.com");
        assertThat(browser.notificationSays("e-mail")).as("no pop-up over the form").isFalse();
        browser.screenshot("rough-invite-inline-error");
        browser.resize(412, 900);
        try {
            new TeamPage(browser).open();
            assertThat(browser.withinWindowWidth(By.cssSelector("vaadin-button[id^='change-role-']")))
                    .as("a row's actions are reachable on a phone").isTrue();
            browser.screenshot("rough-team-narrow");
        } finally {
            browser.resize(1400, 900);
        }
    }

    @Test
    void an_operator_and_an_invitee_see_refusals_beside_the_fields_they_concern() {
        new SignIn(browser).as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        new TenantsPage(browser).await();
        browser.clickId("new-tenant");
        browser.type("owner-email", "owner-" + UUID.randomUUID() + "@rough.test");
        browser.clickId("create-tenant");
        assertThat(browser.fieldError("tenant-name")).isEqualTo("Tenant name is required");
        assertThat(browser.notificationSays("required")).isFalse();
        browser.startAt(api().baseUrl());

        Fixtures.TenantOwner owner = fixtures().tenant("Rough Invitee Co");
        Api.Response invited = owner.client().post("/manage/v1/members",
                Map.of("email", "invitee-" + UUID.randomUUID() + "@rough.test", "role", "DEVELOPER"));
        InvitationPage invitation = new InvitationPage(browser).open(invited.json().get("invitationUrl").asString());
        assertThat(invitation.details()).contains("as Developer");
        browser.type("invitation-password", "short");
        browser.type("invitation-password-again", "short");
        browser.clickId("accept-invitation");
        assertThat(browser.fieldError("invitation-password")).isEqualTo("Password must have at least 10 characters");
        assertThat(browser.notificationSays("characters")).isFalse();
    }

    @Test
    void unknown_addresses_and_pages_of_other_roles_are_explained_inside_the_console_and_signed_out_people_sign_in() {
        Fixtures.TenantOwner owner = fixtures().tenant("Rough Pages Co");
        fixtures().member(owner, "VIEWER");
        String viewer = owner.client().get("/manage/v1/members").json().get("items").valueStream()
                .filter(member -> "VIEWER".equals(member.get("role").asString()))
                .map(member -> member.get("email").asString()).findFirst().orElseThrow();

        browser.open("/no-such-page");
        browser.waitForUrlContaining("/login");

        new SignIn(browser).as(viewer, Fixtures.PASSWORD);
        browser.open("/no-such-page");
        assertThat(browser.visible(By.cssSelector("#error-state h3")).getText()).isEqualTo("There is no page here");
        assertThat(browser.present(By.id("main-menu"))).as("inside the console's frame").isTrue();
        assertThat(browser.pageSource()).doesNotContain("Whitelabel");
        browser.screenshot("rough-not-found");

        browser.open("/apps/some/deeper/path");
        assertThat(browser.visible(By.cssSelector("#error-state h3")).getText()).isEqualTo("There is no page here");

        browser.open("/push");
        assertThat(browser.visible(By.cssSelector("#error-state h3")).getText()).isEqualTo("Your role may not open this page");
        assertThat(browser.present(By.id("main-menu"))).isTrue();
        browser.screenshot("rough-access-denied");
        browser.clickId("error-back");
        browser.waitForUrlContaining("/apps");
    }

    @Test
    void a_key_and_a_token_need_a_name_of_their_own_and_rotation_is_offered_only_when_it_can_work() {
        Fixtures.TenantOwner owner = fixtures().tenant("Rough Keys Co");
        String appId = fixtures().app(owner, "rough-keys");
        new SignIn(browser).as(owner.email(), Fixtures.PASSWORD);

        AppKeysPage keys = new AppKeysPage(browser).open(appId);
        assertThat(keys.createKeyNameRefused("")).isEqualTo("Enter a name, e.g. what uses the key");
        AppKeysPage.ShownKey first = keys.createKey("backend");
        keys.closeSecretDialog();
        assertThat(keys.createKeyNameRefused("backend")).isEqualTo("This app already has a live key named \"backend\"");
        assertThat(keys.mayRotate(first.keyId())).isTrue();
        AppKeysPage.ShownKey second = keys.createKey("ci");
        keys.closeSecretDialog();
        assertThat(keys.mayRotate(first.keyId())).as("a third live key would be refused").isFalse();
        assertThat(keys.mayRotate(second.keyId())).isFalse();
        assertThat(browser.notificationSays("default")).isFalse();

        new AccountPage(browser).open();
        browser.clickId("new-access-token");
        browser.clickId("create-token");
        assertThat(browser.fieldError("token-name")).isEqualTo("Enter a name, e.g. what uses the token");
    }

    @Test
    void deleting_an_app_asks_for_its_name_and_the_apps_push_leads_where_the_menus_push_does() {
        Fixtures.TenantOwner owner = fixtures().tenant("Rough Apps Co");
        String appId = fixtures().app(owner, "rough-doomed");
        fixtures().key(owner, appId);
        new SignIn(browser).as(owner.email(), Fixtures.PASSWORD);

        Browser.Fetched icon = browser.fetchBytes("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(browser.present(By.cssSelector("link[rel='icon'][href*='linnet.svg']"))).isTrue();
        assertThat(browser.fetchBytes("/icons/linnet.svg").status()).isEqualTo(200);

        new AppsPage(browser).open();
        browser.clickId("push-" + appId);
        browser.waitForUrlContaining("/push/" + appId);
        browser.byId("push-tabs");
        browser.clickId("push-credentials-link");
        browser.waitForUrlContaining("/apps/" + appId + "/push-credentials");

        new AppsPage(browser).open();
        browser.clickId("delete-" + appId);
        assertThat(browser.enabled("delete-app-confirm")).isFalse();
        browser.type("delete-app-name", "rough");
        assertThat(browser.enabled("delete-app-confirm")).isFalse();
        browser.type("delete-app-name", "rough-doomed");
        assertThat(browser.enabled("delete-app-confirm")).isTrue();
        browser.clickId("delete-app-confirm");
        assertThat(browser.notification("is deleted")).contains("rough-doomed is deleted");
        assertThat(owner.client().get("/manage/v1/apps/" + appId).status()).isEqualTo(404);
    }
}
