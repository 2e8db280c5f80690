package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The sign-in page, and the header that shows who is signed in. */
final class SignIn {

    private final Browser browser;

    SignIn(Browser browser) {
        this.browser = browser;
    }

    /** Signs in and waits for the console frame. */
    void as(String email, String password) {
        browser.open("/login");
        browser.visible(By.cssSelector("#login-form input[name='username']")).sendKeys(email);
        browser.visible(By.cssSelector("#login-form input[name='password']")).sendKeys(password, Keys.ENTER);
        browser.byId("signed-in-email");
    }

    /** Signs in with what does not get in; answers the title of the error the sign-in page shows. */
    String refused(String email, String password) {
        browser.open("/login");
        browser.visible(By.cssSelector("#login-form input[name='username']")).sendKeys(email);
        browser.visible(By.cssSelector("#login-form input[name='password']")).sendKeys(password, Keys.ENTER);
        browser.waitForUrlContaining("error");
        return browser.visible(By.id("login-form")).getShadowRoot()
                .findElement(By.cssSelector("vaadin-login-form-wrapper")).getShadowRoot()
                .findElement(By.cssSelector("[part='error-message-title']")).getText();
    }

    String email() {
        return browser.byId("signed-in-email").getText();
    }

    String role() {
        return browser.byId("signed-in-role").getText();
    }

    String tenant() {
        return browser.byId("signed-in-tenant").getText();
    }

    /** The titles of the side menu's entries: what this role may open. */
    java.util.List<String> menu() {
        browser.byId("main-menu");
        return browser.visible(By.id("main-menu")).findElements(By.tagName("vaadin-side-nav-item")).stream()
                .map(item -> item.getText().strip()).toList();
    }

    void signOut() {
        browser.clickId("sign-out");
        browser.waitForUrlContaining("/login");
    }
}
