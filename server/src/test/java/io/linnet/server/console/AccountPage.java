package io.linnet.server.console;

import org.openqa.selenium.By;

/** The signed-in account's own page: password and personal access tokens. */
final class AccountPage {

    private final Browser browser;

    AccountPage(Browser browser) {
        this.browser = browser;
    }

    AccountPage open() {
        browser.open("/account");
        browser.waitForText(By.cssSelector(".console-view h2"), "My account");
        return this;
    }

    boolean emptyTokens() {
        return browser.visible(By.cssSelector(".console-view")).getText().contains("No personal access tokens");
    }

    /** Creates a token and answers its value, shown once. */
    String createToken(String name) {
        browser.clickId("new-access-token");
        browser.type("token-name", name);
        browser.clickId("create-token");
        return browser.valueOf("new-token-value");
    }

    void closeToken() {
        browser.clickId("token-done");
        browser.gone(By.id("new-token-dialog"));
    }

    void changePassword(String current, String next) {
        browser.type("current-password", current);
        browser.type("new-password", next);
        browser.type("repeat-password", next);
        browser.clickId("change-password");
    }

    void revokeToken(String name) {
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + name + "']/ancestor::vaadin-grid"));
        browser.click(By.cssSelector("vaadin-button[id^='revoke-token-']"));
        browser.confirm("revoke-token-confirm");
        browser.waitForText(By.id("access-tokens"), "REVOKED");
    }
}
