package io.linnet.server.console;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analytics pages in a real browser, on numbers made by real traffic: an app's backend creates
 * users and sends messages over the developer API; once the analytics API counts them, the owner sees
 * them on the app's overview cards and the analytics charts, changes the range, downloads a chart's
 * CSV, and the operator finds the tenant, by name, in the platform's ranking.
 */
class AnalyticsBrowserIT extends InBrowser {

    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(20);

    @Test
    void the_owner_sees_the_apps_traffic_on_the_overview_and_charts_and_the_operator_sees_the_tenant_ranked() {
        String tenantName = "Analytics Co " + UUID.randomUUID().toString().substring(0, 8);
        MessagingApp app = MessagingApp.create(api(), fixtures(), tenantName);
        String appName = tenantName.toLowerCase().replaceAll("[^a-z0-9]", "-");
        app.users("ann", "ben", "cat", "dan");
        String direct = app.direct("ann", "ben");
        String group = app.group("Trio", "ann", "ben", "cat");
        for (int i = 0; i < 3; i++) {
            app.sent(direct, "ann", "ann-" + i, "hello " + i);
        }
        for (int i = 0; i < 2; i++) {
            app.sent(direct, "ben", "ben-" + i, "hi " + i);
        }
        app.sent(group, "cat", "cat-0", "hello all");
        // five direct and one group message, by three senders (dan was created and did nothing)
        await().atMost(COUNTED_WITHIN).untilAsserted(() -> {
            JsonNode overview = app.owner().client().get("/manage/v1/apps/" + app.appId() + "/analytics/overview").json();
            assertThat(overview.get("messagesToday").asLong()).isEqualTo(6);
            assertThat(overview.get("activeToday").asLong()).isEqualTo(3);
        });

        new SignIn(browser).as(app.owner().email(), Fixtures.PASSWORD);
        AnalyticsPages pages = new AnalyticsPages(browser);
        browser.waitForText(By.id("apps"), appName);
        pages.openOverview(appName);
        assertThat(pages.card("messages-today")).isEqualTo("6");
        assertThat(pages.cardDetail("messages-today")).isEqualTo("None yesterday");
        assertThat(pages.card("active-today")).isEqualTo("3");
        assertThat(pages.card("active-month")).isEqualTo("3");
        assertThat(pages.card("active-30-days")).isEqualTo("3");
        assertThat(pages.card("push-delivery")).isEqualTo("—");
        assertThat(pages.cardDetail("push-credentials")).isEqualTo("No push credentials yet");
        browser.screenshot("analytics-overview");

        // the messages card leads to the last 7 days, per day
        pages.openCard("messages-today");
        assertThat(browser.currentUrl()).contains("/analytics/" + app.appId()).contains("range=7d");
        assertThat(pages.rangeText()).startsWith(appName + ", ").endsWith("(UTC), per day");
        assertThat(pages.total("messages", 0)).isEqualTo("5");
        assertThat(pages.total("messages", 1)).isEqualTo("1");
        assertThat(pages.total("active-users", 0)).isEqualTo("3 distinct");
        assertThat(pages.chart("messages").getAttribute("role")).isEqualTo("img");
        assertThat(pages.chart("messages").getAttribute("aria-label")).contains("Direct 5, Group 1");
        assertThat(pages.empty("push")).as("no pushes were sent").isTrue();
        browser.screenshot("analytics-7-days");

        // today, per hour: every message falls in this hour or the one before
        pages.range("Today");
        assertThat(pages.rangeText()).endsWith("per hour");
        assertThat(browser.currentUrl()).contains("range=today").contains("per=hour");
        assertThat(pages.total("messages", 0)).isEqualTo("5");
        assertThat(pages.chart("messages").findElements(By.cssSelector("g.point title")))
                .anySatisfy(tooltip -> assertThat(tooltip.getDomProperty("textContent")).matches(".*: [1-5] direct, [01] group"));
        browser.scrollTo(By.id("chart-messages"));
        browser.screenshot("analytics-today-per-hour");

        // the driver hands the text over with plain line ends; the rows are what counts
        String csv = pages.csv("messages").replace("\r\n", "\n");
        assertThat(csv).startsWith("start,messages_direct,messages_group\n" + today() + "T00:00:00Z,")
                .endsWith("total,5,1\n");

        // a custom range whose last day comes before its first is refused beside the field
        pages.range("Custom range");
        pages.day("from", today().toString()).day("to", today().minusDays(1).toString());
        assertThat(pages.dayError("to")).isEqualTo("The last day must be on or after the first day");
        assertThat(browser.currentUrl()).as("nothing changed").contains("to=" + today());
        browser.screenshot("analytics-custom-range-refused");
        pages.day("to", today().toString());
        assertThat(pages.dayError("to")).isEmpty();
        assertThat(pages.total("messages", 0)).isEqualTo("5");

        // all of the tenant's apps together: the one app's numbers
        pages.open("/analytics?range=30d");
        assertThat(pages.rangeText()).startsWith("All apps, ");
        assertThat(pages.total("messages", 0)).isEqualTo("5");
        assertThat(pages.total("active-users", 0)).isEqualTo("3 distinct");

        // another tenant's owner finds no such app, neither its overview nor its charts
        Fixtures.TenantOwner stranger = fixtures().tenant("Other Co");
        fixtures().app(stranger, "other-app");
        new SignIn(browser).signOut();
        new SignIn(browser).as(stranger.email(), Fixtures.PASSWORD);
        browser.open("/apps/" + app.appId());
        browser.waitForText(By.cssSelector(".empty-state h3"), "App not found");
        browser.open("/analytics/" + app.appId());
        browser.waitForText(By.cssSelector(".empty-state h3"), "App not found");
        assertThat(browser.present(By.id("charts"))).isFalse();
        new SignIn(browser).signOut();

        SignIn operator = new SignIn(browser);
        operator.as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        assertThat(operator.menu()).contains("Platform usage");
        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Platform usage']"));
        assertThat(pages.ranks(tenantName)).isTrue();
        browser.screenshot("analytics-platform");
        browser.click(By.linkText(tenantName));
        browser.waitForText(By.cssSelector(".console-view h2"), tenantName);
        assertThat(browser.byId("tenant-messages-value").getText()).isEqualTo("6");
        assertThat(browser.byId("tenant-active-users-value").getText()).isEqualTo("3");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
