package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;

/** One app's push credentials: the list, the upload dialog, VAPID generation and deletion. */
final class PushCredentialsPage {

    private final Browser browser;

    PushCredentialsPage(Browser browser) {
        this.browser = browser;
    }

    PushCredentialsPage open(String appId) {
        browser.open("/apps/" + appId + "/push-credentials");
        return await();
    }

    /** Opens it from the apps list, the way people get there. */
    /**
     * Opens it as people do: the app's Push (the page the menu's Push opens), then its credentials; a viewer, who may
     * not open the Push page, goes straight to the credentials.
     */
    PushCredentialsPage openFromApps(String appId) {
        browser.open("/apps");
        browser.clickId("push-" + appId);
        if (browser.currentUrl().contains("/push/")) {
            browser.clickId("push-credentials-link");
        }
        return await();
    }

    PushCredentialsPage await() {
        browser.waitForText(By.cssSelector(".console-view h2"), "Push credentials of");
        return this;
    }

    String emptyStateTitle() {
        return browser.visible(By.cssSelector(".console-view .empty-state h3")).getText();
    }

    boolean offersToAdd() {
        return browser.present(By.id("add-credential"));
    }

    /** Opens the upload dialog, with the kind titled {@code kind} chosen. */
    PushCredentialsPage startUpload(String kind) {
        browser.clickId(browser.present(By.id("add-credential")) ? "add-credential" : "add-first-credential");
        browser.byId("upload-credential-dialog");
        browser.click(By.xpath("//vaadin-radio-button[.//label[normalize-space()='" + kind + "']]"));
        return this;
    }

    /** Chooses {@code file} in the upload component and waits until the server has it. */
    PushCredentialsPage chooseFile(Path file) {
        WebElement upload = browser.byId("credential-file");
        upload.getShadowRoot().findElement(By.cssSelector("input[type='file']")).sendKeys(file.toAbsolutePath().toString());
        browser.waitForText(By.id("credential-file-name"), file.getFileName().toString());
        return this;
    }

    String valueOf(String field) {
        return browser.valueOf(field);
    }

    PushCredentialsPage type(String field, String text) {
        browser.type(field, text);
        return this;
    }

    /** Saves and waits for the dialog to close: the services accepted the credential. */
    void saveAccepted() {
        browser.clickId("credential-save");
        browser.gone(By.id("upload-credential-dialog"));
    }

    /** Saves and answers the refusal shown below the form; the dialog stays open. */
    String saveRefused() {
        browser.clickId("credential-save");
        return browser.byId("upload-error").getText();
    }

    /** Saves and answers the refusal shown on the field with {@code id}. */
    String saveRefusedOnField(String id) {
        browser.clickId("credential-save");
        return browser.visible(By.cssSelector("#" + id + "[invalid] [slot='error-message']")).getText();
    }

    void cancelUpload() {
        browser.clickId("credential-cancel");
        browser.gone(By.id("upload-credential-dialog"));
    }

    /** Waits for a row whose cells say {@code text}. */
    void awaitRow(String text) {
        browser.visible(rowCell(text));
    }

    boolean showsRow(String text) {
        return browser.present(rowCell(text));
    }

    String expiryBadge(String credentialId) {
        return browser.byId("expiry-" + credentialId).getText();
    }

    String expiryAlert() {
        return browser.byId("expiry-alert").getText();
    }

    /** Generates VAPID keys and answers the public key the dialog shows. */
    String generateVapid(String subject) {
        browser.clickId("generate-vapid");
        browser.type("vapid-subject", subject);
        browser.clickId("vapid-generate");
        browser.byId("public-key-dialog");
        String publicKey = browser.valueOf("vapid-public-key");
        browser.clickId("public-key-done");
        browser.gone(By.id("public-key-dialog"));
        return publicKey;
    }

    void delete(String credentialId) {
        browser.clickId("delete-" + credentialId);
        browser.confirm("confirm-delete-credential");
        browser.gone(By.id("delete-" + credentialId));
    }

    boolean offersDelete(String credentialId) {
        return browser.present(By.id("delete-" + credentialId));
    }

    private static By rowCell(String text) {
        return By.xpath("//vaadin-grid[@id='push-credentials']/vaadin-grid-cell-content[contains(normalize-space(.), \""
                + text + "\")]");
    }
}
