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

    /** Tries to create a tenant named {@code name}; answers the error shown at the name field. */
    String createRefused(String name, String ownerEmail) {
        browser.clickId("new-tenant");
        browser.type("tenant-name", name);
        browser.type("owner-email", ownerEmail);
        browser.clickId("create-tenant");
        return browser.visible(By.cssSelector("#tenant-name[invalid] [slot='error-message']")).getText();
    }

    /** Types {@code text} into the search field; answers the rows' text once the list no longer shows {@code filteredOut}. */
    String search(String text, String filteredOut) {
        browser.type("tenant-search", text);
        browser.waitForTextGone(By.id("tenants"), filteredOut);
        return browser.byId("tenants").getText();
    }

    void open(String tenantId) {
        browser.clickId("tenant-" + tenantId);
        browser.byId("tenant-owner");
    }

    void closeInvitation() {
        browser.clickId("invitation-done");
        browser.gone(By.id("new-tenant-dialog"));
    }

    /**
     * Whether the list shows {@code name}. The oldest tenants come first, and the test JVM's other
     * tests create many, so this loads further pages as a person would until the name appears.
     */
    boolean lists(String name) {
        By more = By.cssSelector("#load-more:not([hidden])");
        while (!browser.byId("tenants").getText().contains(name) && browser.present(more)) {
            browser.click(more);
        }
        browser.waitForText(By.id("tenants"), name);
        return true;
    }

    void suspend(String tenantId) {
        browser.clickId("suspend-" + tenantId);
        browser.confirm("confirm-suspend");
        browser.byId("resume-" + tenantId);
    }

    /** Deletes a suspended tenant, typing its name as the dialog asks. */
    void delete(String tenantId, String name) {
        browser.clickId("delete-" + tenantId);
        browser.type("delete-tenant-name", name);
        browser.clickId("delete-tenant-confirm");
        browser.gone(By.id("delete-tenant-dialog"));
    }

    boolean offersDelete(String tenantId) {
        return browser.present(By.id("delete-" + tenantId));
    }
}
