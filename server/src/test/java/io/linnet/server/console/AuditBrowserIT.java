package io.linnet.server.console;

import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log in the console: filtered, opened to an entry's whole details, and exported as CSV. */
class AuditBrowserIT extends InBrowser {

    @Test
    void an_owner_narrows_the_audit_log_opens_an_entry_and_exports_what_the_filters_leave() {
        Fixtures.TenantOwner owner = fixtures().tenant("Audit Trail Co");
        String ledger = fixtures().app(owner, "ledger-app");
        fixtures().app(owner, "mailer-app");
        fixtures().member(owner, "VIEWER");
        new SignIn(browser).as(owner.email(), Fixtures.PASSWORD);

        browser.open("/audit");
        browser.waitForText(By.id("audit"), "member.invited");
        assertThat(browser.byId("audit").getText()).as("the full form of the IPv6 loopback is never shown")
                .doesNotContain("0:0:0:0:0:0:0:1");

        browser.type("audit-action", "app.created");
        browser.waitForText(By.id("audit"), "mailer-app");
        assertThat(browser.byId("audit").getText()).contains("ledger-app").doesNotContain("member.invited");

        browser.type("audit-search", "ledger");
        assertThat(browser.byId("audit").getText()).contains("ledger-app").doesNotContain("mailer-app");
        assertThat(browser.visible(By.cssSelector("#audit .audit-target")).getAttribute("title"))
                .as("the app is shown by name on one line, its whole id on hover").contains(ledger);
        browser.screenshot("audit-filtered");

        browser.click(By.cssSelector("#audit .audit-details-summary"));
        assertThat(browser.visible(By.cssSelector("#audit .audit-details-json")).getText())
                .as("the row opens to the whole details").contains("\"name\"").contains("ledger-app");

        Browser.Fetched csv = browser.fetchBytes(browser.byId("audit-csv").getAttribute("href"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.disposition()).startsWith("attachment").contains("audit-log.csv");
        assertThat(csv.text().split("\r\n")).as("the header and the one entry the filters leave").hasSize(2);
        assertThat(csv.text()).startsWith("at,").contains("app.created", ledger, "ledger-app", owner.email())
                .doesNotContain("mailer-app");

        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        day("audit-from", tomorrow.toString());
        browser.waitForText(By.cssSelector(".console-view"), "Nothing recorded yet");
        assertThat(browser.showing(By.id("audit"))).isFalse();
        day("audit-to", LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(browser.byId("audit-to").getText() + browser.pageSource())
                .as("a last day before the first is said beside it").contains("The last day must not be before the first");
    }

    /** Types a day (yyyy-MM-dd) into a date picker and commits it, as a person does with Enter. */
    private static void day(String id, String isoDay) {
        WebElement input = browser.visible(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(isoDay, Keys.ENTER);
        input.sendKeys(Keys.TAB);
        browser.idle();
    }
}
