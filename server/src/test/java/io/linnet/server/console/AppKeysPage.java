package io.linnet.server.console;

import org.openqa.selenium.By;

/** One app's keys, and the dialog that shows a new key's secret once. */
final class AppKeysPage {

    /** A key as the secret dialog showed it. */
    record ShownKey(String keyId, String secret) {
    }

    private final Browser browser;

    AppKeysPage(Browser browser) {
        this.browser = browser;
    }

    AppKeysPage open(String appId) {
        browser.open("/apps/" + appId + "/keys");
        return await();
    }

    AppKeysPage await() {
        browser.waitForText(By.cssSelector(".console-view h2"), "Keys of");
        return this;
    }

    boolean offersCreateKey() {
        return browser.present(By.id("create-key"));
    }

    /** Creates a key and answers what the secret dialog shows; the dialog stays open. */
    ShownKey createKey(String name) {
        browser.clickId("create-key");
        browser.type("key-name", name);
        browser.clickId("create-key-save");
        browser.byId("secret-dialog");
        return new ShownKey(browser.valueOf("new-key-id"), browser.valueOf("secret"));
    }

    /** Tries to create a key that the services refuse; answers the reason shown below the form, then cancels. */
    String createKeyRefused(String name, String expectedError) {
        browser.clickId("create-key");
        browser.type("key-name", name);
        browser.clickId("create-key-save");
        browser.waitForText(By.id("create-key-error"), expectedError);
        String error = browser.byId("create-key-error").getText();
        cancelCreate();
        return error;
    }

    /** Tries to create a key named {@code name}; answers what shows beside the name field, then cancels. */
    String createKeyNameRefused(String name) {
        browser.clickId("create-key");
        browser.type("key-name", name);
        browser.clickId("create-key-save");
        String error = browser.fieldError("key-name");
        cancelCreate();
        return error;
    }

    private void cancelCreate() {
        browser.clickId("create-key-cancel");
        browser.gone(By.id("create-key-dialog"));
    }

    boolean mayRotate(String keyId) {
        return browser.enabled("rotate-" + keyId);
    }

    boolean secretWarningShown() {
        return browser.byId("secret-warning").getText().contains("never be shown again");
    }

    void closeSecretDialog() {
        browser.clickId("secret-done");
        browser.gone(By.id("secret-dialog"));
    }

    String status(String keyId) {
        return browser.byId("status-" + keyId).getText();
    }

    void awaitStatus(String keyId, String status) {
        browser.waitForText(By.id("status-" + keyId), status);
    }

    void revoke(String keyId) {
        browser.clickId("revoke-" + keyId);
        browser.confirm("confirm-revoke");
        awaitStatus(keyId, "REVOKED");
    }
}
