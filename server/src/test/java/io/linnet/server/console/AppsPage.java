package io.linnet.server.console;

import org.openqa.selenium.By;

/** The tenant's apps. */
final class AppsPage {

    private final Browser browser;

    AppsPage(Browser browser) {
        this.browser = browser;
    }

    AppsPage open() {
        browser.open("/apps");
        browser.visible(By.cssSelector(".console-view h2"));
        return this;
    }

    boolean showsEmptyState() {
        return browser.present(By.cssSelector(".empty-state")) && browser.visible(By.cssSelector(".empty-state")).isDisplayed();
    }

    String emptyStateText() {
        return browser.visible(By.cssSelector(".empty-state h3")).getText();
    }

    AppsPage create(String name) {
        browser.clickId("new-app");
        browser.type("new-app-name", name);
        browser.clickId("new-app-save");
        browser.gone(By.id("new-app-dialog"));
        browser.visible(By.linkText(name));
        return this;
    }

    /** Opens the app's keys from its overview, where its name leads. */
    AppKeysPage openKeys(String appName) {
        browser.click(By.linkText(appName));
        browser.clickId("open-keys");
        return new AppKeysPage(browser).await();
    }
}
