package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The data explorer's pages: the users and conversations of an app, a user's page and a conversation's page. */
final class ExplorerPages {

    private final Browser browser;

    ExplorerPages(Browser browser) {
        this.browser = browser;
    }

    /** Opens "Users" from the side menu and picks the app named {@code appName}. */
    ExplorerPages openUsersFromMenu(String appName) {
        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Users']"));
        choose("users-app", appName);
        browser.byId("user-search");
        return this;
    }

    /** Searches the users and waits for a row that links to {@code expected}. */
    void searchUsers(String query, String expected) {
        browser.type("user-search", query);
        browser.clickId("user-search-go");
        browser.visible(link("users", expected));
    }

    /** The texts of the links in a grid's shown rows (names or ids), in order; a grid keeps cells of rows it no longer shows, blank. */
    List<String> links(String grid) {
        browser.byId(grid);
        return browser.visible(By.id(grid)).findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    }

    /** Opens the page a grid's link with {@code text} leads to. */
    void follow(String grid, String text) {
        browser.click(link(grid, text));
    }

    String userTitle() {
        return browser.byId("user-title").getText();
    }

    String profile(String field) {
        return browser.byId("user-" + field).getText();
    }

    String conversationTitle() {
        return browser.byId("conversation-title").getText();
    }

    /** The texts of the messages shown, newest first. */
    List<String> messages() {
        browser.byId("messages");
        return browser.visible(By.id("messages")).findElements(By.cssSelector(".message-text")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    }

    /** Waits until the message of {@code seq} says {@code text}. */
    void awaitMessage(long seq, String text) {
        browser.waitForText(By.id("message-" + seq), text);
    }

    void send(String asName, String text) {
        choose("send-as", asName);
        browser.type("send-text", text);
        browser.clickId("send-go");
    }

    void recall(long seq) {
        browser.clickId("recall-" + seq);
    }

    boolean showsMessages() {
        return browser.present(By.id("messages"));
    }

    String messagesNotice() {
        return browser.byId("messages-hidden").getText();
    }

    /** Mints a test token for the user whose page is open; answers the token shown. */
    String mintToken() {
        browser.clickId("user-mint-token");
        String token = browser.valueOf("secret");
        browser.clickId("secret-done");
        return token;
    }

    /** Erases the user whose page is open, typing {@code typed} to confirm; answers whether the erase button was enabled. */
    boolean eraseEnabledAfterTyping(String typed) {
        browser.type("erase-user-id", typed);
        return browser.byId("erase-user-confirm").getDomAttribute("disabled") == null;
    }

    void openErase() {
        browser.clickId("user-erase");
        browser.byId("erase-user-dialog");
    }

    void confirmErase() {
        browser.clickId("erase-user-confirm");
        browser.gone(By.id("erase-user-dialog"));
        browser.byId("user-search");
    }

    private void choose(String select, String label) {
        browser.byId(select).click();
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='" + label + "']"));
    }

    private static By link(String grid, String text) {
        return By.xpath("//vaadin-grid[@id='" + grid + "']//a[normalize-space()=\"" + text + "\"]");
    }
}
