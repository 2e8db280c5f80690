package io.linnet.server.billing;

import io.linnet.billing.Invoices;
import io.linnet.billing.invoice.InvoiceBook;
import io.linnet.billing.subscription.SubscriptionBook;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.tenant.TenantManagement;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Billing against the running server: plans and subscriptions through the API, the estimate and a plan
 * change prorated by days, rate limits (REST and WebSocket), soft and hard quotas, the connection
 * limit, the period close racing with itself, the invoice's life and downloads, and who may see what.
 */
class BillingIT extends ServerIT {

    @Autowired
    PlatformDatabase platform;
    @Autowired
    TenantDatabase tenantDatabase;
    @Autowired
    SubscriptionBook subscriptions;
    @Autowired
    TenantManagement tenantManagement;
    @Autowired
    AuditLog audit;
    @Autowired
    Invoices invoices;

    private BillingPlans plans() {
        return new BillingPlans(operator());
    }

    @Test
    void operators_define_plans_and_a_plan_in_use_is_retired_not_deleted() {
        Api.Response all = operator().get("/ops/v1/plans");
        assertThat(all.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        all.json().get("items").forEach(item -> names.add(item.at("/plan/name").asString()));
        assertThat(names).contains("Free", "Pro", "Enterprise");

        Map<String, Object> badCurrency = BillingPlans.body("Bad", "EURO", "10", false, Map.of(), Map.of(), Map.of());
        assertThat(operator().post("/ops/v1/plans", badCurrency).assertProblem(400, "invalid_request").json()
                .get("detail").asString()).startsWith("currency:");
        Map<String, Object> badLimit = BillingPlans.body("Bad", "EUR", "10", false, Map.of(), Map.of(), Map.of("maxApps", 0));
        operator().post("/ops/v1/plans", badLimit).assertProblem(400, "invalid_request");
        Map<String, Object> tooPrecise = BillingPlans.body("Bad", "EUR", "10.001", false, Map.of(), Map.of(), Map.of());
        operator().post("/ops/v1/plans", tooPrecise).assertProblem(400, "invalid_request");

        String used = plans().create(BillingPlans.body("Team", "EUR", "49.00", false, Map.of(), Map.of("messages", "0.001"), Map.of()));
        String unused = plans().create(BillingPlans.body("Unused", "EUR", "5.00", false, Map.of(), Map.of(), Map.of()));
        Fixtures.TenantOwner tenant = fixtures().tenant("Plan Customer");
        plans().move(tenant.tenantId(), used);
        assertThat(operator().get("/ops/v1/tenants/" + tenant.tenantId() + "/subscription").json()
                .at("/subscription/plan/name").asString()).startsWith("Team");

        operator().delete("/ops/v1/plans/" + used).assertProblem(409, "conflict");
        assertThat(operator().post("/ops/v1/plans/" + used + "/retire", Map.of()).json().get("retired").asBoolean()).isTrue();
        assertThat(operator().get("/ops/v1/tenants/" + tenant.tenantId() + "/subscription").json()
                .at("/subscription/plan/name").asString()).as("the tenants on a retired plan stay").startsWith("Team");
        List<String> offered = new ArrayList<>();
        tenant.client().get("/manage/v1/billing/plans").json().get("items").forEach(plan -> offered.add(plan.get("id").asString()));
        assertThat(offered).contains(unused).doesNotContain(used);
        Fixtures.TenantOwner another = fixtures().tenant("Late Customer");
        operator().patch("/ops/v1/tenants/" + another.tenantId() + "/subscription", Map.of("planId", used))
                .assertProblem(409, "conflict");
        assertThat(operator().delete("/ops/v1/plans/" + unused).status()).isEqualTo(204);
        assertThat(operator().get("/ops/v1/plans/" + unused).status()).isEqualTo(404);
    }

    @Test
    void a_tenant_sees_its_usage_and_estimate_and_a_plan_change_is_prorated_by_days() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Prorated");
        String pro = operator().get("/ops/v1/plans").json().get("items").valueStream()
                .filter(item -> item.at("/plan/name").asString().equals("Pro")).findFirst().orElseThrow().at("/plan/id").asString();
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        for (int i = 0; i < 3; i++) {
            assertThat(app.send(direct, "ann", "m-" + i, "hello " + i).status()).isEqualTo(201);
        }
        Api.Response changed = app.owner().client().put("/manage/v1/billing/plan", Map.of("planId", pro));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().at("/plan/name").asString()).isEqualTo("Pro");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int days = today.lengthOfMonth();
        int onPro = days - today.getDayOfMonth() + 1;
        BigDecimal expected = new BigDecimal("99.00").multiply(BigDecimal.valueOf(onPro))
                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode billing = app.owner().client().get("/manage/v1/billing").json();
            assertThat(billing.at("/estimate/total/amount").asString()).isEqualTo(expected.toPlainString());
            assertThat(billing.at("/estimate/total/currency").asString()).isEqualTo("USD");
            JsonNode messages = billing.get("quotas").valueStream().filter(quota -> quota.get("metric").asString().equals("messages"))
                    .findFirst().orElseThrow();
            assertThat(messages.get("used").asString()).isEqualTo("3");
            assertThat(messages.get("included").asLong()).isEqualTo(1_000_000L);
        });
        JsonNode base = app.owner().client().get("/manage/v1/billing").json().at("/estimate/lines/0");
        assertThat(base.get("description").asString()).startsWith("Pro plan");
        assertThat(app.owner().client().put("/manage/v1/billing/plan", Map.of("planId", UUID.randomUUID().toString()))
                .status()).isEqualTo(404);
        app.owner().client().put("/manage/v1/billing/plan", Map.of()).assertProblem(400, "invalid_request");
        // a developer has no BILLING permission
        Api.Client developer = fixtures().member(app.owner(), "DEVELOPER");
        developer.get("/manage/v1/billing").assertProblem(403, "forbidden");
        developer.put("/manage/v1/billing/plan", Map.of("planId", pro)).assertProblem(403, "forbidden");
    }

    @Test
    void a_rate_limited_api_call_answers_429_with_retry_after_and_passes_after_it() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Rate Limited");
        plans().move(app.owner().tenantId(), plans().create(BillingPlans.body("One per second", "USD", "0", false, Map.of(),
                Map.of(), Map.of("apiRequestsPerSecond", 1))));
        app.users("ann");
        Api.Response limited = null;
        for (int i = 0; i < 5 && limited == null; i++) {
            Api.Response response = app.client().get("/v1/users/ann");
            if (response.status() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("a second call within the second is refused").isNotNull();
        limited.assertProblem(429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(limited.json().get("retryAfterMs").asLong()).isPositive();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300))
                .until(() -> app.client().get("/v1/users/ann").status() == 200);
    }

    @Test
    void a_soft_quota_warns_once_at_80_and_100_percent_and_traffic_goes_on() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Soft Quota");
        plans().move(app.owner().tenantId(), plans().create(BillingPlans.body("Five messages", "USD", "10", false,
                Map.of("messages", 5L), Map.of("messages", "0.01"), Map.of())));
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        for (int i = 0; i < 7; i++) {
            assertThat(app.send(direct, "ann", "soft-" + i, "over " + i).status()).as("past a soft quota, traffic goes on").isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode notices = app.owner().client().get("/manage/v1/billing").json().get("notices");
            assertThat(notices.valueStream().map(notice -> notice.get("metric").asString() + "@" + notice.get("percent").asInt()))
                    .containsExactly("messages@80", "messages@100");
        });
        JsonNode billing = app.owner().client().get("/manage/v1/billing").json();
        assertThat(billing.at("/estimate/lines").valueStream().map(line -> line.get("description").asString()))
                .anySatisfy(line -> assertThat(line).startsWith("Messages over the 5 included (7 used)"));
        // warned once, however often the watch looks again
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(app.owner().client().get("/manage/v1/audit?limit=100").json().get("items").valueStream()
                        .filter(entry -> entry.get("action").asString().equals("billing.quota.warning")).count()).isEqualTo(2));
    }

    @Test
    void past_a_hard_quota_of_active_users_a_new_user_is_refused_on_the_socket_and_over_rest() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Hard Users");
        app.users("ann", "ben", "cat");
        String direct = app.direct("ann", "ben");
        plans().move(app.owner().tenantId(), plans().create(BillingPlans.body("One user", "USD", "0", true,
                Map.of("mau", 1L), Map.of(), Map.of())));
        try (Chat chat = new Chat(app)) {
            ChatClient ann = chat.device("ann");
            ann.say(direct, "ann-1", "I am the one");
            String gateway = chat.mint("ben").json().get("websocketUrl").asString();
            ChatClient ben = ChatClient.connectAnonymously(URI.create(gateway + "?token=" + chat.token("ben")));
            JsonNode refused = ben.next("error");
            assertThat(refused.get("code").asString()).isEqualTo("quota_exceeded");
            assertThat(refused.get("retryAfterMs").asLong()).isPositive();
            assertThat(refused.get("resetsAt").asString())
                    .isEqualTo(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            assertThat(ben.closeCode()).isEqualTo(4031);
            assertThat(ann.isClosed()).as("the users already active this period go on").isFalse();
        }
        Api.Response benSends = app.send(direct, "ben", "ben-1", "me too?");
        benSends.assertProblem(429, "quota_exceeded");
        assertThat(benSends.header("Retry-After")).isNotBlank();
        assertThat(benSends.json().get("resetsAt").asString()).isNotBlank();
        assertThat(app.send(direct, "ann", "ann-2", "the one goes on").status()).isEqualTo(201);
    }

    @Test
    void the_plans_rates_refuse_sends_with_an_error_frame_and_its_connection_limit_closes_the_newest() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Socket Limits");
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        plans().move(app.owner().tenantId(), plans().create(BillingPlans.body("Tight", "USD", "0", false, Map.of(), Map.of(),
                Map.of("sendsPerSecondPerUser", 1, "maxConnectionsPerApp", 2, "maxApps", 1))));
        try (Chat chat = new Chat(app)) {
            ChatClient ann = chat.device("ann");
            ChatClient ben = chat.device("ben");
            JsonNode limited = null;
            for (int i = 0; i < 5 && limited == null; i++) {
                ann.send(Map.of("type", "send", "ref", "r-" + i, "clientMsgId", "fast-" + i, "conversationId", direct,
                        "body", Map.of("type", "text", "text", "quick " + i)));
                String ref = "r-" + i;
                JsonNode answer = ann.next(frame -> ref.equals(frame.path("ref").asString()) || ("fast-" + ref.substring(2))
                        .equals(frame.path("clientMsgId").asString()) && frame.path("type").asString().equals("ack"));
                if (answer.path("type").asString().equals("error")) {
                    limited = answer;
                }
            }
            assertThat(limited).as("a second send within the second is refused").isNotNull();
            assertThat(limited.get("code").asString()).isEqualTo("rate_limited");
            assertThat(limited.get("retryAfterMs").asLong()).isBetween(1L, 1_000L);

            String gateway = chat.mint("ann").json().get("websocketUrl").asString();
            ChatClient third = ChatClient.connectAnonymously(URI.create(gateway + "?token=" + chat.token("ann")));
            assertThat(third.closeCode()).as("the app's third connection, past its plan's two").isEqualTo(4030);
            assertThat(ben.isClosed()).isFalse();
        }
        app.owner().client().post("/manage/v1/apps", Map.of("name", "Second app")).assertProblem(409, "conflict");
    }

    @Test
    void the_period_close_writes_one_invoice_however_many_nodes_race_then_it_is_issued_paid_and_downloaded() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Invoiced GmbH");
        String plan = plans().create(BillingPlans.body("Invoiced", "EUR", "30.00", false, Map.of("messages", 5L),
                Map.of("messages", "0.10"), Map.of()));
        plans().move(app.owner().tenantId(), plan);
        assertThat(operator().patch("/ops/v1/tenants/" + app.owner().tenantId() + "/subscription",
                Map.of("taxRatePercent", "19")).status()).isEqualTo(200);
        // last month, as if the tenant had been on the plan all of it and sent 12 messages
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        UUID tenant = UUID.fromString(app.owner().tenantId());
        platform.inTransaction(() -> {
            platform.jdbc().sql("update billing_subscriptions set period_start = ? where tenant_id = ?").params(lastMonth, tenant).update();
            platform.jdbc().sql("update billing_plan_changes set day = ? where tenant_id = ?").params(lastMonth, tenant).update();
            platform.jdbc().sql("""
                            insert into analytics_daily (tenant_id, app_id, day, metric, dimension, value)
                            values (?, ?, ?, 'messages_direct', '', 12)""")
                    .params(tenant, UUID.fromString(app.appId()), lastMonth.plusDays(3)).update();
            return null;
        });

        InvoiceBook restarted = new InvoiceBook(platform, tenantDatabase, subscriptions, tenantManagement, audit, Clock.systemUTC());
        CyclicBarrier together = new CyclicBarrier(4);
        List<Callable<Integer>> closers = List.of(
                () -> { together.await(); return invoices.closeEndedPeriods(); },
                () -> { together.await(); return invoices.closeEndedPeriods(); },
                () -> { together.await(); return restarted.closeEndedPeriods(); },
                () -> { together.await(); return operator().post("/ops/v1/billing/close-periods", Map.of()).json().get("invoices").asInt(); });
        int written = 0;
        try (ExecutorService nodes = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> closed : nodes.invokeAll(closers)) {
                written += closed.get();
            }
        }
        assertThat(written).as("one invoice, whoever wrote it").isEqualTo(1);
        assertThat(restarted.closeEndedPeriods()).as("and nothing more on a later run").isZero();
        List<JsonNode> ofTenant = operator().get("/ops/v1/invoices?tenant=" + tenant).json().get("items").valueStream().toList();
        assertThat(ofTenant).hasSize(1);
        JsonNode invoice = ofTenant.getFirst();
        String id = invoice.get("id").asString();
        assertThat(invoice.get("status").asString()).isEqualTo("draft");
        assertThat(invoice.at("/statement/lines").valueStream().map(line -> line.get("description").asString() + " = "
                + line.at("/amount/amount").asString()))
                .containsExactly(operator().get("/ops/v1/plans/" + plan).json().get("name").asString() + " plan, "
                                + lastMonth.toString().substring(0, 7) + " = 30.00",
                        "Messages over the 5 included (12 used) = 0.70",
                        "Tax 19% = 5.83");
        assertThat(invoice.at("/statement/total/amount").asString()).isEqualTo("36.53");
        assertThat(invoice.at("/statement/total/currency").asString()).isEqualTo("EUR");
        assertThat(operator().get("/ops/v1/tenants/" + tenant + "/subscription").json().at("/subscription/periodStart").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString());

        // a draft is the operator's: the tenant sees it once it is issued
        assertThat(app.owner().client().get("/manage/v1/invoices").json().get("items").size()).isZero();
        app.owner().client().get("/manage/v1/invoices/" + id).assertProblem(404, "not_found");
        operator().post("/ops/v1/invoices/" + id + "/pay", Map.of()).assertProblem(409, "conflict");
        assertThat(operator().post("/ops/v1/invoices/" + id + "/issue", Map.of()).json().get("status").asString()).isEqualTo("issued");
        assertThat(app.owner().client().get("/manage/v1/invoices").json().at("/items/0/id").asString()).isEqualTo(id);

        byte[] pdf = download(app.owner().email(), "/manage/v1/invoices/" + id + ".pdf", "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(invoice.get("number").asString(), "Invoiced GmbH", "Messages over the 5 included (12 used)",
                    "0.70", "5.83", "36.53", "EUR");
        }
        String csv = new String(download(app.owner().email(), "/manage/v1/invoices/" + id + ".csv", "text/csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(invoice.get("number").asString(), "36.53");

        // another tenant sees none of it
        Fixtures.TenantOwner stranger = fixtures().tenant("Stranger");
        stranger.client().get("/manage/v1/invoices/" + id).assertProblem(404, "not_found");
        stranger.client().get("/manage/v1/invoices/" + id + ".pdf").assertProblem(404, "not_found");
        assertThat(stranger.client().get("/manage/v1/invoices").json().get("items").size()).isZero();
        stranger.client().get("/ops/v1/tenants/" + tenant + "/subscription").assertProblem(403, "forbidden");
        stranger.client().get("/ops/v1/invoices").assertProblem(403, "forbidden");

        assertThat(operator().post("/ops/v1/invoices/" + id + "/pay", Map.of()).json().get("status").asString()).isEqualTo("paid");
        operator().post("/ops/v1/invoices/" + id + "/void", Map.of("reason", "too late")).assertProblem(409, "conflict");
        String accounting = operator().get("/ops/v1/invoices.csv?tenant=" + tenant).body();
        assertThat(accounting).contains(invoice.get("number").asString(), "paid");
    }

    private byte[] download(String email, String path, String type) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api().baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + Fixtures.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        return response.body();
    }
}
