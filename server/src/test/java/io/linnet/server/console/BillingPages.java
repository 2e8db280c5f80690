package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The billing screens: the operator's plans (and the plan dialog), the subscription and invoices on the
 * operator's page of a tenant, and a member's Billing page with its change of plan.
 */
final class BillingPages {

    private final Browser browser;

    BillingPages(Browser browser) {
        this.browser = browser;
    }

    BillingPages openFromMenu(String title) {
        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='" + title + "']"));
        browser.waitForText(By.cssSelector(".console-view h2"), title);
        return this;
    }

    /** Opens the new plan dialog and fills what a plan needs; the limits keep what the dialog starts with. */
    BillingPages fillNewPlan(String name, String currency, String price, String messagesIncluded, String messageOverage) {
        browser.clickId("new-plan");
        browser.byId("plan-dialog");
        browser.type("plan-name", name);
        browser.type("plan-currency", currency);
        browser.type("plan-price", price);
        browser.type("plan-included-messages", messagesIncluded);
        browser.type("plan-overage-messages", messageOverage);
        return this;
    }

    void savePlan() {
        browser.clickId("plan-save");
    }

    void planSaved() {
        browser.gone(By.id("plan-dialog"));
    }

    /** What the plans grid shows, all rows. */
    String plans() {
        return browser.byId("plans").getText();
    }

    /** The error message a Vaadin field shows beside it; empty when it is valid. */
    String fieldError(String id) {
        WebElement field = browser.visible(By.id(id));
        if (field.getAttribute("invalid") == null) {
            return "";
        }
        return field.findElement(By.cssSelector("[slot='error-message']")).getText();
    }

    /** Picks the item of the Vaadin select {@code id} whose label starts with {@code label}. */
    void choose(String id, String label) {
        browser.clickId(id);
        browser.click(By.xpath("//vaadin-select-item[starts-with(normalize-space(), \"" + label + "\")]"));
    }

    /** On the operator's page of a tenant: moves it to {@code plan} with a tax rate. */
    void changeSubscription(String plan, String taxRate) {
        browser.clickId("change-subscription");
        browser.byId("subscription-dialog");
        choose("subscription-plan", plan);
        browser.click(By.cssSelector("#subscription-no-tax > label"));
        browser.type("subscription-tax-rate", taxRate);
    }

    String card(String id) {
        return browser.byId(id + "-value").getText();
    }

    /** The download link's address of an invoice's file ("pdf" or "csv"). */
    String download(String file, String invoiceId) {
        return browser.byId("invoice-" + file + "-" + invoiceId).getAttribute("href");
    }

    String status(String invoiceId) {
        return browser.byId("invoice-status-" + invoiceId).getText();
    }
}
