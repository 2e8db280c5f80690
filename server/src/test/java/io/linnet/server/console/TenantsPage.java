package io.linnet.server.console;

import org.openqa.selenium.By;

/** The operator's tenants, and the dialog that creates one. */
final class TenantsPage {

    private final Browser browser;

    TenantsPage(Browser browser) {
        this.browser = browser;
    }

    TenantsPage await() {
        browser.waitForText(By.cssSelector(".console-view h2"), "Tenants");
        return this;
    }

    /** Creates a tenant whose owner is invited, and answers the invitation link the dialog shows. */
    String createInvitingOwner(String name, String ownerEmail) {
        browser.clickId("new-tenant");
        browser.type("tenant-name", name);
        browser.type("owner-email", ownerEmail);
        browser.clickId("create-tenant");
        return browser.valueOf("invitation-link");
    }

    void closeInvitation() {
        browser.clickId("invitation-done");
        browser.gone(By.id("new-tenant-dialog"));
    }

    boolean lists(String name) {
        browser.waitForText(By.id("tenants"), name);
        return true;
    }
}
