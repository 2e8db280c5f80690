package io.linnet.server.billing;

import io.linnet.billing.invoice.InvoiceBook;
import io.linnet.billing.subscription.SubscriptionBook;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.SecondNode;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.server.support.ServerJar;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.tenant.TenantManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing over two nodes (the test's server and the packaged jar beside it, sharing PostgreSQL and
 * Redis): a hard quota stops concurrent senders on both at exactly the plan's messages, not one more;
 * and the period close, raced by both nodes and a restarted one, writes one invoice.
 */
class BillingNodesIT extends ServerIT {

    private static final int INCLUDED = 40;
    private static final int SENDERS_PER_NODE = 6;
    private static final int SENDS_EACH = 12;

    private static ServerJar second;

    @Autowired
    ApplicationContext context;
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

    @BeforeEach
    void startTheSecondNodeOnce() throws Exception {
        if (second == null) {
            second = SecondNode.start(context, List.of());
        }
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void a_hard_quota_stops_concurrent_senders_on_two_nodes_at_exactly_the_limit() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Hard Messages");
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        BillingPlans plans = new BillingPlans(operator());
        plans.move(app.owner().tenantId(), plans.create(BillingPlans.body("Forty messages", "USD", "0", true,
                Map.of("messages", (long) INCLUDED), Map.of(), Map.of())));
        String token = api().accessToken(app.key().keyId(), app.key().secret());
        List<Api.Client> nodes = List.of(api().bearer(token), second.api().bearer(token));
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        int senders = 2 * SENDERS_PER_NODE;
        CyclicBarrier together = new CyclicBarrier(senders);
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                Api.Client node = nodes.get(s % 2);
                String sender = s % 4 < 2 ? "ann" : "ben";
                int senderNumber = s;
                all.add(sending.submit(() -> {
                    together.await();
                    for (int i = 0; i < SENDS_EACH; i++) {
                        Api.Response sent = node.post("/v1/conversations/" + direct + "/messages", Map.of("senderId", sender,
                                "clientMsgId", "s" + senderNumber + "-" + i, "body", Map.of("type", "text", "text", "n" + i)));
                        answers.merge(sent.status(), 1, Integer::sum);
                        if (sent.status() == 429) {
                            refusals.add(sent.code());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> one : all) {
                one.get();
            }
        }
        assertThat(answers).as("every send answered: stored or refused for the quota")
                .containsOnlyKeys(201, 429)
                .containsEntry(201, INCLUDED)
                .containsEntry(429, senders * SENDS_EACH - INCLUDED);
        assertThat(refusals).containsOnly("quota_exceeded");
        int stored = app.history(direct, "?limit=100").get("items").size();
        assertThat(stored).as("not one message more than the plan includes").isEqualTo(INCLUDED);
    }

    @Test
    void the_period_close_writes_one_invoice_when_two_nodes_and_a_restarted_one_race_for_it() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Closed Twice");
        BillingPlans plans = new BillingPlans(operator());
        plans.move(app.owner().tenantId(), plans.create(BillingPlans.body("Twenty a month", "EUR", "20.00", false,
                Map.of(), Map.of(), Map.of())));
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        UUID tenant = UUID.fromString(app.owner().tenantId());
        platform.inTransaction(() -> {
            platform.jdbc().sql("update billing_subscriptions set period_start = ? where tenant_id = ?").params(lastMonth, tenant).update();
            platform.jdbc().sql("update billing_plan_changes set day = ? where tenant_id = ?").params(lastMonth, tenant).update();
            return null;
        });
        InvoiceBook restarted = new InvoiceBook(platform, tenantDatabase, subscriptions, tenantManagement, audit, Clock.systemUTC());
        Api.Client secondOperator = second.api().basic(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        CyclicBarrier together = new CyclicBarrier(3);
        List<Callable<Integer>> closers = List.of(
                () -> {
                    together.await();
                    return operator().post("/ops/v1/billing/close-periods", Map.of()).json().get("invoices").asInt();
                },
                () -> {
                    together.await();
                    return secondOperator.post("/ops/v1/billing/close-periods", Map.of()).json().get("invoices").asInt();
                },
                () -> {
                    together.await();
                    return restarted.closeEndedPeriods();
                });
        int written = 0;
        try (ExecutorService nodes = Executors.newFixedThreadPool(3)) {
            for (Future<Integer> closed : nodes.invokeAll(closers)) {
                written += closed.get();
            }
        }
        assertThat(written).as("one invoice, whichever node wrote it").isEqualTo(1);
        var invoices = operator().get("/ops/v1/invoices?tenant=" + tenant).json().get("items");
        assertThat(invoices.size()).isEqualTo(1);
        assertThat(invoices.at("/0/statement/total/amount").asString()).isEqualTo("20.00");
        assertThat(secondOperator.post("/ops/v1/billing/close-periods", Map.of()).json().get("invoices").asInt())
                .as("and nothing more on a later run").isZero();
    }
}
