package io.linnet.server.console;

import org.openqa.selenium.By;

/** The tenant's team. */
final class TeamPage {

    private final Browser browser;

    TeamPage(Browser browser) {
        this.browser = browser;
    }

    TeamPage open() {
        browser.open("/team");
        browser.waitForText(By.cssSelector(".console-view h2"), "Team");
        browser.byId("members");
        return this;
    }

    boolean offersInvite() {
        return browser.present(By.id("invite-member"));
    }

    /** Opens the invitation dialog, sends it with {@code email}, and answers what shows beside the e-mail field. */
    String inviteRefused(String email) {
        if (!browser.showing(By.id("invite-dialog"))) {
            browser.clickId("invite-member");
        }
        browser.type("invite-email", email);
        browser.clickId("invite-send");
        return browser.fieldError("invite-email");
    }

    /** Whether a cell of the members list says exactly {@code text}, e.g. a role as people read it. */
    boolean showsCell(String text) {
        return browser.present(By.xpath("//vaadin-grid[@id='members']/vaadin-grid-cell-content[normalize-space(.)='"
                + text + "']"));
    }

    /** Invites {@code email} with the dialog's default role; answers the invitation link the dialog shows. */
    String invite(String email) {
        browser.clickId("invite-member");
        browser.type("invite-email", email);
        browser.clickId("invite-send");
        String link = browser.valueOf("invitation-link");
        browser.clickId("invitation-done");
        browser.gone(By.id("invite-dialog"));
        return link;
    }

    boolean lists(String email) {
        return browser.byId("members").getText().contains(email)
                || browser.pageSource().contains(email);
    }
}
