package io.linnet.server.console;

import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Single sign-on to the console through an OpenID Connect provider, in a real browser. */
class SingleSignOnBrowserIT extends InBrowser {

    @AfterEach
    void theProviderWasSpokenToRight() {
        assertThat(SSO_PROVIDER.refusals()).isEmpty();
    }

    @Test
    void a_member_whose_e_mail_the_provider_vouches_for_signs_in_with_their_role() {
        Fixtures.TenantOwner owner = fixtures().tenant("Sso Co");
        SSO_PROVIDER.signInNextAs(owner.email().toUpperCase(), true);

        browser.open("/login");
        assertThat(browser.byId("sso-start").getText()).isEqualTo("Sign in with Fake IdP");
        browser.clickId("sso-start");

        SignIn signedIn = new SignIn(browser);
        assertThat(signedIn.email()).isEqualTo(owner.email());
        assertThat(signedIn.role()).isEqualTo("OWNER");
        assertThat(signedIn.tenant()).isEqualTo("Sso Co");
        assertThat(new AppsPage(browser).emptyStateText()).isEqualTo("No apps yet — create one to get an app key");
    }

    @Test
    void someone_without_an_account_or_with_an_unverified_e_mail_is_refused_with_a_reason() {
        Fixtures.TenantOwner owner = fixtures().tenant("Sso Unverified Co");

        SSO_PROVIDER.signInNextAs("stranger@nowhere.test", true);
        browser.open("/login");
        browser.clickId("sso-start");
        assertThat(browser.byId("sso-refused").getText()).contains("no active Linnet account");
        browser.screenshot("e-sso-refused");

        SSO_PROVIDER.signInNextAs(owner.email(), false);
        browser.open("/login");
        browser.clickId("sso-start");
        assertThat(browser.byId("sso-refused").isDisplayed()).isTrue();
        browser.open("/apps");
        assertThat(browser.present(By.id("login-form"))).as("still signed out").isTrue();
    }
}
