package io.linnet.server.billing;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.SecondNode;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.server.support.ServerJar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hard quota is exact over every node: concurrent senders on two nodes (the test's server and the
 * packaged jar beside it, sharing PostgreSQL and Redis) stop at exactly the plan's messages, not one more.
 */
class BillingNodesIT extends ServerIT {

    private static final int INCLUDED = 40;
    private static final int SENDERS_PER_NODE = 6;
    private static final int SENDS_EACH = 12;

    @Autowired
    ApplicationContext context;

    @Test
    void a_hard_quota_stops_concurrent_senders_on_two_nodes_at_exactly_the_limit() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Hard Messages");
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        BillingPlans plans = new BillingPlans(operator());
        plans.move(app.owner().tenantId(), plans.create(BillingPlans.body("Forty messages", "USD", "0", true,
                Map.of("messages", (long) INCLUDED), Map.of(), Map.of())));
        String token = api().accessToken(app.key().keyId(), app.key().secret());
        try (ServerJar second = SecondNode.start(context, List.of())) {
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
        }
        int stored = app.history(direct, "?limit=100").get("items").size();
        assertThat(stored).as("not one message more than the plan includes").isEqualTo(INCLUDED);
    }
}
