package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Push page of one app: its pushes with live counts, the test push form, the device look-up, and what offline
 * chat notifications show.
 */
final class PushPage {

    private final Browser browser;

    PushPage(Browser browser) {
        this.browser = browser;
    }

    PushPage open(String appId) {
        browser.open("/push/" + appId);
        browser.byId("push-tabs");
        return this;
    }

    /** Opens it from the side menu and picks the app named {@code appName}. */
    PushPage openFromMenu(String appName) {
        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Push']"));
        browser.byId("push-app").click();
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='" + appName + "']"));
        browser.byId("push-tabs");
        return this;
    }

    String emptyStateTitle() {
        return browser.visible(By.cssSelector("#push-jobs-empty h3")).getText();
    }

    /** Sends a test push to a user's devices from the form and answers the confirmation shown. */
    String sendTestPushToUser(String userId, String title, String body) {
        browser.clickId("tab-test-push");
        browser.type("test-push-target", userId);
        browser.type("test-push-title", title);
        WebElement text = browser.visible(By.cssSelector("#test-push-body textarea"));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        text.sendKeys(body, Keys.TAB);
        browser.clickId("send-test-push");
        return browser.notification("Test push queued");
    }

    /** Tries a test push to {@code userId}; answers what shows beside the target field. */
    String testPushRefused(String userId) {
        browser.clickId("tab-test-push");
        browser.type("test-push-target", userId);
        browser.clickId("send-test-push");
        return browser.fieldError("test-push-target");
    }

    /** What shows beside the device look-up's user field. */
    String lookUpError() {
        return browser.fieldError("device-user");
    }

    /** Whether the device look-up shows a devices list (a hidden grid keeps its last cells in the page). */
    boolean showsDevices() {
        return browser.showing(By.id("devices"));
    }

    String lookUpEmptyState() {
        return browser.visible(By.cssSelector("#devices-unknown-user h3")).getText();
    }

    /** Waits until the list (refreshed by polling) shows a push as completed. */
    void awaitCompleted() {
        browser.visible(By.xpath("//vaadin-grid[@id='push-jobs']//span[starts-with(@id, 'push-state-')"
                + " and normalize-space()='completed']"));
    }

    /** A cell of the pushes list that says {@code text}. */
    boolean listShows(String text) {
        return browser.present(By.xpath("//vaadin-grid[@id='push-jobs']/vaadin-grid-cell-content[normalize-space(.)=\""
                + text + "\"]"));
    }

    PushPage lookUpDevices(String userId) {
        browser.clickId("tab-devices");
        browser.type("device-user", userId);
        browser.clickId("device-lookup");
        return this;
    }

    /** Waits for a row of the devices grid whose cells say {@code text}. */
    void awaitDevice(String text) {
        browser.visible(By.xpath("//vaadin-grid[@id='devices']/vaadin-grid-cell-content[contains(normalize-space(.), \""
                + text + "\")]"));
    }

    /** Chooses what offline chat notifications show (the option as the form words it), saves, and answers the confirmation. */
    String saveOfflinePreview(String option) {
        browser.clickId("tab-offline-push");
        browser.click(By.xpath("//vaadin-radio-group[@id='offline-push-preview']/vaadin-radio-button[normalize-space()=\""
                + option + "\"]"));
        browser.clickId("save-offline-push");
        return browser.notification("Offline push saved");
    }

    /** Turns offline chat notifications off, saves, and answers the confirmation. */
    String turnOfflinePushOff() {
        browser.clickId("tab-offline-push");
        browser.clickId("offline-push-enabled");
        browser.clickId("save-offline-push");
        return browser.notification("Offline push saved: off");
    }
}
