package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** An app's overview, the analytics page with its range form and charts, and the operator's platform page. */
final class AnalyticsPages {

    private final Browser browser;

    AnalyticsPages(Browser browser) {
        this.browser = browser;
    }

    /** Opens an app's overview from the apps list, by its name. */
    AnalyticsPages openOverview(String appName) {
        browser.click(By.linkText(appName));
        browser.byId("overview-cards");
        return this;
    }

    /** A headline card's number. */
    String card(String card) {
        return browser.byId("card-" + card + "-value").getText();
    }

    String cardDetail(String card) {
        return browser.byId("card-" + card + "-detail").getText();
    }

    /** Opens the details a card leads to. */
    AnalyticsPages openCard(String card) {
        browser.clickId("card-" + card);
        browser.byId("charts");
        return this;
    }

    AnalyticsPages open(String path) {
        browser.open(path);
        browser.byId("charts");
        return this;
    }

    /** What a chart's legend says series {@code index} comes to. */
    String total(String chart, int index) {
        return browser.byId("chart-" + chart + "-total-" + index).getText();
    }

    /** A chart's SVG, as drawn. */
    WebElement chart(String chart) {
        return browser.visible(By.cssSelector("#chart-" + chart + "-chart svg"));
    }

    boolean empty(String chart) {
        return browser.present(By.id("chart-" + chart + "-empty"));
    }

    String rangeText() {
        return browser.byId("range-description").getText();
    }

    /** Picks one of the offered ranges by its label, e.g. "Today". */
    AnalyticsPages range(String label) {
        browser.reveal("range");
        browser.clickId("range");
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='" + label + "']"));
        return this;
    }

    /** Types a day (yyyy-MM-dd) into the custom range's "From" or "To". */
    AnalyticsPages day(String field, String isoDay) {
        browser.reveal("range-" + field);
        WebElement input = browser.visible(By.cssSelector("#range-" + field + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(isoDay, Keys.ENTER);
        input.sendKeys(Keys.TAB);
        browser.idle();
        return this;
    }

    /** The error a custom range's day field shows beside it; empty when it is valid. */
    String dayError(String field) {
        WebElement picker = browser.visible(By.id("range-" + field));
        if (picker.getAttribute("invalid") == null) {
            return "";
        }
        return picker.findElement(By.cssSelector("[slot='error-message']")).getText();
    }

    /** Downloads a chart's CSV with the page's session, as a click on its link would. */
    String csv(String chart) {
        String href = browser.byId("chart-" + chart + "-csv").getAttribute("href");
        return browser.fetch(href);
    }

    /** Whether the operator's ranking lists {@code tenantName}. */
    boolean ranks(String tenantName) {
        browser.waitForText(By.id("platform-tenants"), tenantName);
        return true;
    }
}
