package io.linnet.server.console;

import org.openqa.selenium.By;

/** The operator's page of one tenant: owner, apps, members, usage and billing. */
final class TenantPage {

    private final Browser browser;

    TenantPage(Browser browser) {
        this.browser = browser;
    }

    String owner() {
        return browser.byId("tenant-owner").getText();
    }

    String apps() {
        return browser.byId("tenant-apps").getText();
    }

    String members() {
        browser.idle();
        return browser.byId("tenant-members").getText();
    }

    boolean offersNewOwnerInvitation() {
        return browser.present(By.id("resend-owner-invitation"));
    }

    /** Sends the owner's invitation again; answers the new link the dialog shows. */
    String newOwnerInvitation() {
        browser.clickId("resend-owner-invitation");
        String link = browser.valueOf("invitation-link");
        browser.clickId("invitation-done");
        browser.gone(By.id("owner-invitation-dialog"));
        return link;
    }
}
