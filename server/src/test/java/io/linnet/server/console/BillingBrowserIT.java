package io.linnet.server.console;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.Billing;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.Invoice;
import io.linnet.billing.Invoices;
import io.linnet.billing.QuotaUsage;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.TestPlans;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Billing in a real browser: an operator creates a plan (a wrong currency is refused beside its
 * field), moves a tenant onto it from the tenant's page with a tax rate, finds the plan can no longer
 * be deleted, and issues the tenant's invoice of last month once the period close made it; the
 * tenant's owner, over the plan's messages, sees the banner on every page, the usage bars and the
 * estimate on the Billing page, downloads the invoice as PDF and CSV, and changes plan.
 */
class BillingBrowserIT extends InBrowser {

    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(20);

    @Autowired
    PlatformDatabase platform;
    @Autowired
    Invoices invoices;
    @Autowired
    Billing billing;

    @Test
    void an_operator_sells_a_plan_and_the_owner_sees_usage_estimate_and_invoices_and_changes_plan() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenantName = "Billing Co " + suffix;
        MessagingApp app = MessagingApp.create(api(), fixtures(), tenantName);
        TenantId tenant = TenantId.of(app.owner().tenantId());
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        for (int i = 0; i < 5; i++) {
            app.sent(direct, "ann", "ann-" + i, "hello " + i);
        }
        String growth = "Browser Growth " + suffix;
        createPlanOverTheApi(growth, "EUR", "60.00");

        // the operator makes a plan: a currency that is no ISO code is refused beside its field
        SignIn signIn = new SignIn(browser);
        signIn.as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        assertThat(signIn.menu()).containsExactly("Tenants", "Platform usage", "Plans", "Invoices", "Audit log", "Password resets", "My account");
        BillingPages pages = new BillingPages(browser);
        pages.openFromMenu("Plans");
        assertThat(pages.plans()).contains("Free", "Pro", "Enterprise", TestPlans.NAME);
        String team = "Browser Team " + suffix;
        pages.fillNewPlan(team, "ABC", "30.00", "4", "0.10");
        pages.savePlan();
        assertThat(pages.fieldError("plan-currency")).isEqualTo("An ISO 4217 code such as EUR, USD or JPY");
        browser.screenshot("billing-1-plan-refused-beside-its-field");
        browser.type("plan-currency", "EUR");
        pages.savePlan();
        pages.planSaved();
        browser.waitForText(By.id("plans"), team);
        assertThat(pages.plans()).contains("30.00 EUR");
        browser.screenshot("billing-2-plans");

        // ... and moves the tenant onto it, with a tax rate, from the tenant's page
        browser.open("/tenants/" + tenant);
        browser.waitForText(By.cssSelector(".console-view h2"), tenantName);
        pages.changeSubscription(team, "19");
        browser.screenshot("billing-3-subscription-dialog");
        browser.clickId("subscription-save");
        browser.gone(By.id("subscription-dialog"));
        browser.waitForText(By.id("tenant-subscription-plan-value"), team);
        assertThat(pages.card("tenant-subscription-tax")).isEqualTo("19%");
        assertThat(browser.byId("tenant-invoices-empty").getText()).contains("No invoices yet");

        // a plan a tenant is on cannot be deleted: said in the dialog, which offers to retire it instead
        pages.openFromMenu("Plans");
        browser.waitForText(By.id("plans"), team);
        String teamId = planId(team);
        browser.clickId("delete-plan-" + teamId);
        browser.clickId("delete-plan-confirm");
        assertThat(browser.byId("delete-plan-error").getText())
                .isEqualTo("Tenants are or were on this plan, so it cannot be deleted; retire it instead");
        assertThat(browser.byId("delete-plan-retire-instead").isDisplayed()).isTrue();
        browser.screenshot("billing-4-delete-refused");
        browser.clickId("delete-plan-cancel");

        // last month, as if the tenant had been on the plan all of it; the period close makes its draft invoice
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        platform.inTransaction(() -> {
            platform.jdbc().sql("update billing_subscriptions set period_start = ? where tenant_id = ?")
                    .params(lastMonth, tenant.value()).update();
            platform.jdbc().sql("update billing_plan_changes set day = ? where tenant_id = ?")
                    .params(lastMonth, tenant.value()).update();
            return null;
        });
        assertThat(invoices.closeEndedPeriods()).isEqualTo(1);
        Invoice invoice = invoices.list(TestPlans.OPERATOR, Optional.of(tenant), Optional.empty()).getFirst();
        String id = invoice.id().toString();

        browser.open("/tenants/" + tenant);
        assertThat(pages.status(id)).isEqualTo("Draft");
        assertThat(browser.byId("tenant-invoices").getText()).contains(invoice.number(), "35.70 EUR");
        // voiding asks for a reason, beside the field
        browser.clickId("void-" + id);
        browser.clickId("void-invoice-confirm");
        assertThat(pages.fieldError("void-invoice-reason")).isEqualTo("Say why the invoice is void");
        browser.screenshot("billing-5-void-needs-a-reason");
        browser.clickId("void-invoice-cancel");
        browser.clickId("issue-" + id);
        browser.clickId("issue-invoice-confirm");
        browser.waitForText(By.id("invoice-status-" + id), "Issued");
        browser.reveal("tenant-invoices");
        browser.screenshot("billing-6-tenant-page-with-issued-invoice");

        // every tenant's invoices, by the tenant's name, and all of them as one CSV for accounting
        pages.openFromMenu("Invoices");
        browser.waitForText(By.id("all-invoices"), invoice.number());
        assertThat(browser.byId("invoice-tenant-" + id).getText()).isEqualTo(tenantName);
        Browser.Fetched all = browser.fetchBytes(browser.byId("invoices-csv").getAttribute("href"));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.text()).contains(invoice.number(), "issued");
        browser.screenshot("billing-6b-operator-invoices");
        signIn.signOut();

        // the five messages are counted and, past the plan's four, noticed
        await().atMost(COUNTED_WITHIN).untilAsserted(() -> {
            BillingOverview overview = billing.overview(TestPlans.OPERATOR, tenant);
            assertThat(quota(overview, BillableMetric.MESSAGES).used()).isEqualByComparingTo("5");
            assertThat(overview.notices()).anySatisfy(notice -> assertThat(notice.percent()).isEqualTo(100));
        });

        // the owner sees the banner on their pages, and the Billing page it leads to
        signIn.as(app.owner().email(), Fixtures.PASSWORD);
        assertThat(signIn.menu()).contains("Billing");
        assertThat(browser.byId("quota-banner").getText()).contains(
                "Messages: 100% of what your plan includes is used this period; past it, usage is billed as overage.");
        browser.screenshot("billing-7-banner-on-the-apps-page");
        browser.clickId("quota-banner-link");
        browser.waitForText(By.cssSelector(".console-view h2"), "Billing");
        assertThat(pages.card("billing-plan")).isEqualTo(team);
        assertThat(pages.card("billing-price")).isEqualTo("30.00 EUR");
        assertThat(browser.byId("billing-price-detail").getText()).startsWith("Plus 19% tax");
        assertThat(browser.byId("quotas-messages-numbers").getText()).isEqualTo("5 of 4 messages · 125%");
        assertThat(browser.byId("quotas-messages").getAttribute("class")).contains("quota-full");
        assertThat(browser.byId("quotas-pushes-numbers").getText()).isEqualTo("0 pushes, none included");
        assertThat(browser.byId("estimate-lines").getText()).contains(team + " plan, ", "Messages over the 4 included (5 used)");
        assertThat(browser.byId("estimate-lines-subtotal").getText()).isEqualTo("30.10 EUR");
        assertThat(browser.byId("estimate-lines-tax").getText()).isEqualTo("5.72 EUR");
        assertThat(browser.byId("estimate-lines-total").getText()).isEqualTo("35.82 EUR");
        browser.screenshot("billing-8-billing-page");

        // the issued invoice, downloaded as the links do, with the session
        assertThat(browser.byId("invoices").getText()).contains(invoice.number(), "Issued", "35.70 EUR");
        browser.reveal("invoices");
        browser.screenshot("billing-9-invoices");
        Browser.Fetched csv = browser.fetchBytes(pages.download("csv", id));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.disposition()).startsWith("attachment").contains(invoice.number() + ".csv");
        assertThat(csv.text()).contains(invoice.number(), "35.70");
        Browser.Fetched pdf = browser.fetchBytes(pages.download("pdf", id));
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(invoice.number(), tenantName, "35.70", "EUR");
        }

        // a change of plan: each plan on offer with what it includes, and how the month is billed
        browser.reveal("change-plan");
        browser.clickId("change-plan");
        pages.choose("change-plan-select", growth);
        assertThat(browser.byId("change-plan-includes").getText()).contains("messages");
        assertThat(browser.byId("change-plan-proration").getText()).contains("prorated by days");
        browser.screenshot("billing-10-change-plan");
        browser.clickId("change-plan-confirm");
        browser.gone(By.id("change-plan-dialog"));
        browser.waitForText(By.id("billing-plan-value"), growth);
        assertThat(billing.overview(TestPlans.OPERATOR, tenant).subscription().plan().name()).isEqualTo(growth);
    }

    private static QuotaUsage quota(BillingOverview overview, BillableMetric metric) {
        return overview.quotas().stream().filter(quota -> quota.metric() == metric).findFirst().orElseThrow();
    }

    private String planId(String name) {
        return operator().get("/ops/v1/plans").json().get("items").valueStream()
                .filter(item -> item.at("/plan/name").asString().equals(name))
                .findFirst().orElseThrow().at("/plan/id").asString();
    }

    /** A plan with the generous limits of the tests' default, made over the operators' API. */
    private void createPlanOverTheApi(String name, String currency, String price) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("currency", currency);
        body.put("monthlyPrice", new BigDecimal(price));
        body.put("included", Map.of("mau", 1_000L, "messages", 1_000L, "pushes", 1_000L, "storage_gb", 10L));
        body.put("overagePrices", Map.of("messages", "0.01"));
        body.put("hardQuota", false);
        body.put("limits", Map.of("maxApps", 100, "maxConnectionsPerApp", 100_000, "apiRequestsPerSecond", 10_000,
                "sendsPerSecondPerUser", 10_000, "pushesPerSecondPerApp", 10_000, "messageRetentionDays", 365));
        Api.Response created = operator().post("/ops/v1/plans", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
