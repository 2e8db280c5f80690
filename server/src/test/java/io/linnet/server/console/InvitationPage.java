package io.linnet.server.console;

import org.openqa.selenium.By;

/** The page an invitation link opens. */
final class InvitationPage {

    private final Browser browser;

    InvitationPage(Browser browser) {
        this.browser = browser;
    }

    InvitationPage open(String link) {
        browser.open(link);
        browser.byId("invitation-tenant");
        return this;
    }

    String title() {
        return browser.byId("invitation-tenant").getText();
    }

    String details() {
        return browser.byId("invitation-details").getText();
    }

    void accept(String password, String displayName) {
        browser.type("invitation-password", password);
        browser.type("invitation-password-again", password);
        browser.type("invitation-display-name", displayName);
        browser.clickId("accept-invitation");
        browser.byId("invitation-accepted");
    }

    void goToSignIn() {
        browser.clickId("sign-in-link");
        browser.waitForUrlContaining("/login");
        browser.visible(By.cssSelector("#login-form input[name='username']"));
    }
}
