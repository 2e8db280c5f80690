package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

/**
 * The moderation screens of one app: the review queue (with the per-day chart and a message opened
 * in its context), the rules with "try a text" and the pre-send hook, and mutes and bans.
 */
final class ModerationScreens {

    private final Browser browser;

    ModerationScreens(Browser browser) {
        this.browser = browser;
    }

    /** Opens the review queue from the side menu and picks the app named {@code appName}. */
    ModerationScreens openFromMenu(String appName) {
        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Moderation']"));
        browser.byId("moderation-app").click();
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='" + appName + "']"));
        browser.byId("moderation-tabs");
        return this;
    }

    ModerationScreens open(String screen, String appId) {
        browser.open("/moderation/" + screen + "/" + appId);
        browser.byId("moderation-tabs");
        return this;
    }

    /** Switches to another screen of the same app by its tab: "queue", "rules" or "restrictions". */
    ModerationScreens tab(String screen) {
        browser.click(By.cssSelector("#tab-" + screen + " a"));
        browser.waitForUrlContaining("/moderation/" + screen + "/");
        browser.byId("moderation-tabs");
        return this;
    }

    // the review queue

    /** Waits for a row of the queue whose cells say {@code text}. */
    void awaitQueued(String text) {
        browser.visible(cell("review-queue", text));
    }

    /** Scrolls past the chart to the queue's filters and list. */
    void scrollToQueue() {
        browser.scrollTo(By.id("queue-status"));
    }

    boolean queueShows(String text) {
        return browser.showing(cell("review-queue", text));
    }

    String queueEmptyState() {
        return browser.visible(By.cssSelector(".console-view > vaadin-vertical-layout .empty-state h3")).getText();
    }

    /** Shows the queue items of {@code status}: "Open", "Approved", "Recalled" or "All". */
    void showStatus(String status) {
        choose("queue-status", status);
    }

    String status(String messageId) {
        return browser.byId("status-" + messageId).getText();
    }

    /** Opens a queued message in its context. */
    void review(String messageId) {
        browser.clickId("review-" + messageId);
        browser.byId("review-dialog");
    }

    /** The texts of the messages shown around the one under review, in order. */
    List<String> contextTexts() {
        browser.byId("review-context");
        return browser.visible(By.id("review-context")).findElements(By.cssSelector(".context-text")).stream()
                .map(WebElement::getText).toList();
    }

    /** The text of the highlighted message: the one under review. */
    String highlighted() {
        return browser.visible(By.cssSelector("#review-context .context-message.queued .context-text")).getText();
    }

    /** Recalls the message under review with {@code reason}; answers the confirmation shown. */
    String recall(String reason) {
        browser.clickId("review-recall");
        decide("recall", reason);
        browser.gone(By.id("review-dialog"));
        return browser.notification("recalled");
    }

    /** Bans the sender of the message under review until lifted; answers the confirmation shown. */
    String banSender(String reason) {
        browser.clickId("review-ban");
        decide("ban", reason);
        return browser.notification("is banned");
    }

    void closeReview() {
        browser.clickId("review-close");
        browser.gone(By.id("review-dialog"));
    }

    /** Ticks the box that selects every row, then approves them all with {@code reason}. */
    String approveAll(String reason) {
        browser.click(By.cssSelector("#review-queue #selectAllCheckbox"));
        browser.clickId("approve-selected");
        decide("approve", reason);
        return browser.notification("approved");
    }

    // the chart

    /** The accessible label of the day's bar, e.g. "2026-03-01: 1 blocked, 0 masked, 1 flagged, 0 reported". */
    String dayLabel(String isoDate) {
        return browser.byId("day-" + isoDate).getAttribute("aria-label");
    }

    String total(String counted) {
        return browser.byId("total-" + counted).getText();
    }

    boolean chartEmpty() {
        return browser.present(By.id("daily-counts-empty"));
    }

    // rules

    String rulesEmptyState() {
        return browser.visible(By.cssSelector(".console-view .empty-state h3")).getText();
    }

    /** Opens the new-rule dialog and fills it in. */
    ModerationScreens startRule(String name, String kind, String action, String... terms) {
        browser.clickId(browser.showing(By.id("new-first-rule")) ? "new-first-rule" : "new-rule");
        browser.byId("rule-dialog");
        browser.type("rule-name", name);
        radio("rule-kind", kind);
        radio("rule-action", action);
        typeArea("rule-terms", String.join("\n", terms));
        return this;
    }

    void saveRule() {
        browser.clickId("rule-save");
        browser.gone(By.id("rule-dialog"));
    }

    /** Saves and answers the refusal shown in the dialog, which stays open. */
    String saveRuleRefused() {
        browser.clickId("rule-save");
        return browser.byId("rule-error").getText();
    }

    void cancelRule() {
        browser.clickId("rule-cancel");
        browser.gone(By.id("rule-dialog"));
    }

    void awaitRule(String text) {
        browser.visible(cell("rules", text));
    }

    boolean showsRule(String text) {
        return browser.showing(cell("rules", text));
    }

    /** Types into the "try a text" box and waits for the outcome to follow. */
    ModerationScreens tryText(String text) {
        typeArea("try-text", text);
        return this;
    }

    String outcome() {
        return browser.byId("try-outcome").getText();
    }

    void awaitOutcome(String outcome) {
        browser.waitForText(By.id("try-outcome"), outcome);
    }

    String storedText() {
        return browser.byId("try-stored-text").getText();
    }

    String stored() {
        return browser.byId("try-stored").getText();
    }

    String hits() {
        return browser.byId("try-hits").getText();
    }

    /** Imports a term file into the rule, adding to its terms. */
    void importTerms(String ruleId, Path file) {
        browser.clickId("import-rule-" + ruleId);
        browser.byId("import-dialog");
        browser.byId("import-file").getShadowRoot().findElement(By.cssSelector("input[type='file']"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.waitForText(By.id("import-file-name"), file.getFileName().toString());
        browser.clickId("import-save");
        browser.gone(By.id("import-dialog"));
    }

    /** The text file the export link of the rule downloads, fetched by the page itself (with its session). */
    String export(String ruleId) {
        String href = browser.byId("export-rule-" + ruleId).getAttribute("href");
        return browser.fetch(href);
    }

    void deleteRule(String ruleId) {
        browser.clickId("delete-rule-" + ruleId);
        browser.confirm("confirm-delete-rule");
        browser.gone(By.id("delete-rule-" + ruleId));
    }

    /** Saves the pre-send hook and answers the secret shown once. */
    String saveHook(String url) {
        browser.type("hook-url", url);
        browser.clickId("hook-save");
        browser.byId("secret-dialog");
        String secret = browser.valueOf("secret");
        browser.clickId("secret-done");
        browser.gone(By.id("secret-dialog"));
        return secret;
    }

    String hookStatus() {
        return browser.byId("hook-status").getText();
    }

    void removeHook() {
        browser.clickId("hook-remove");
        browser.confirm("confirm-remove-hook");
        browser.waitForText(By.id("hook-status"), "No hook");
    }

    // mutes and bans

    void awaitRestriction(String text) {
        browser.visible(cell("restrictions", text));
    }

    boolean showsRestriction(String text) {
        return browser.showing(cell("restrictions", text));
    }

    String remaining(String restrictionId) {
        return browser.byId("remaining-" + restrictionId).getText();
    }

    /** Mutes or bans a user by id from the form: {@code kind} is the radio label's start, "Mute" or "Ban". */
    String restrict(String userId, String kind, String lasting, String reason) {
        browser.clickId("restrict-user-open");
        browser.byId("restrict-dialog");
        browser.type("restrict-user", userId);
        radio("restrict-kind", kind);
        choose("restrict-lasting", lasting);
        decide("restrict", reason);
        return browser.notification(userId + " is");
    }

    void lift(String restrictionId, String reason) {
        browser.clickId("lift-" + restrictionId);
        decide("lift", reason);
        browser.notification("is lifted");
    }

    void includeEnded() {
        browser.clickId("restrictions-include-ended");
    }

    // shared

    /** Gives the reason in the open decision dialog {@code id} and confirms; waits for it to close. */
    private void decide(String id, String reason) {
        browser.byId(id + "-dialog");
        typeArea(id + "-reason", reason);
        browser.clickId(id + "-confirm");
        browser.gone(By.id(id + "-dialog"));
    }

    private void typeArea(String id, String text) {
        WebElement area = browser.visible(By.cssSelector("#" + id + " textarea"));
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(text, Keys.TAB);
        browser.idle();
    }

    private void radio(String group, String label) {
        browser.click(By.xpath("//*[@id='" + group + "']//vaadin-radio-button[.//label[starts-with(normalize-space(), '"
                + label + "')]]"));
    }

    private void choose(String select, String label) {
        browser.byId(select).click();
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='" + label + "']"));
    }

    private static By cell(String grid, String text) {
        return By.xpath("//vaadin-grid[@id='" + grid + "']/vaadin-grid-cell-content[contains(normalize-space(.), \""
                + text + "\")]");
    }
}
