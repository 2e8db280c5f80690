package io.linnet.server.analytics;

import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.push.PushApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.realtime.SecondNode;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.server.support.ServerJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage metering against what really happened: chat from clients on two nodes (the test's server and
 * the packaged jar beside it, sharing PostgreSQL and Redis), REST sends, a recall and developer API
 * calls, then every number of the analytics API compared with the exact count. Also: who may read
 * them, bad queries, the CSV, and what a node killed between two flushes loses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsIT extends ServerIT {

    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(20);
    private static ServerJar second;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void startTheSecondNodeOnce() throws Exception {
        if (second == null) {
            second = SecondNode.start(context, List.of("--linnet.analytics.flush-interval=PT0.5S"));
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
    @Order(1)
    void every_number_equals_what_clients_on_two_nodes_did() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Metered");
        app.users("ann", "ben", "cat", "dan");
        String direct = app.direct("ann", "ben");
        String group = app.group("Trio", "ann", "ben", "cat");
        try (Chat chat = new Chat(app);
             ChatClient ann = chat.device("ann");
             ChatClient catHere = chat.device("cat");
             ChatClient ben = ChatClient.connect(second.gateway(), chat.token("ben"));
             ChatClient catThere = ChatClient.connect(second.gateway(), chat.token("cat"))) {
            int each = 10;
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> sending = new ArrayList<>();
                sending.add(senders.submit(() -> say(ann, direct, "ann", each)));
                sending.add(senders.submit(() -> say(ben, direct, "ben", each)));
                sending.add(senders.submit(() -> say(catThere, group, "cat", 5)));
                for (int i = 0; i < 5; i++) {
                    assertThat(app.send(direct, "ann", "rest-" + i, "over REST " + i).status()).isEqualTo(201);
                }
                for (Future<?> one : sending) {
                    one.get();
                }
            }
            // everybody has everything: every delivery the meter counts has been written to a socket
            assertThat(ann.messages(direct, 25)).hasSize(25);
            assertThat(ben.messages(direct, 25)).hasSize(25);
            for (ChatClient device : List.of(ann, ben, catHere, catThere)) {
                assertThat(device.messages(group, 5)).hasSize(5);
            }
            String recalled = app.history(direct, "").at("/items/0/messageId").asString();
            // recalled by the app's backend (no userId: as an admin)
            assertThat(app.client().post("/v1/messages/" + recalled + "/recall", Map.of()).status()).isIn(200, 204);

            Api.Client analytics = app.withScopes(api(), "analytics");
            await().atMost(COUNTED_WITHIN).untilAsserted(() -> {
                Map<String, Long> today = totals(analytics.get("/v1/analytics?from=" + today() + "&to=" + today()));
                assertThat(today).containsEntry("messages_direct", 25L)
                        .containsEntry("messages_group", 5L)
                        // a direct message reaches the sender's and the partner's device; a group message cat's two and the others' one each
                        .containsEntry("deliveries", 25L * 2 + 5L * 4)
                        .containsEntry("recalls", 1L)
                        .containsEntry("new_users", 4L)
                        // dan never connected nor sent
                        .containsEntry("active_users", 3L)
                        // ann and cat here, ben and cat on the second node, all at once
                        .containsEntry("peak_connections", 4L);
                assertThat(today.get("message_bytes")).isGreaterThan(30L * "{\"type\":\"text\"}".length());
            });
        }
    }

    @Test
    @Order(2)
    void api_calls_are_counted_per_app_with_their_client_errors() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Calls");
        app.users("ann");
        Api.Client owner = app.owner().client();
        String report = "/manage/v1/apps/" + app.appId() + "/analytics?metrics=api_calls,api_client_errors,api_server_errors"
                + "&granularity=hour";
        await().atMost(COUNTED_WITHIN).until(() -> totals(owner.get(report)).get("api_calls") > 0);
        Map<String, Long> before = totals(owner.get(report));

        Api.Client users = app.withScopes(api(), "users");
        for (int i = 0; i < 3; i++) {
            assertThat(users.get("/v1/users/ann").status()).isEqualTo(200);
        }
        assertThat(users.get("/v1/users/nobody").status()).isEqualTo(404);
        assertThat(users.get("/v1/users/nobody-either").status()).isEqualTo(404);

        await().atMost(COUNTED_WITHIN).untilAsserted(() -> assertThat(totals(owner.get(report)))
                .containsEntry("api_calls", before.get("api_calls") + 5)
                .containsEntry("api_client_errors", before.get("api_client_errors") + 2)
                .containsEntry("api_server_errors", 0L));
    }

    @Test
    @Order(3)
    void nobody_reads_another_apps_or_tenants_numbers() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Private Numbers");
        MessagingApp stranger = MessagingApp.create(api(), fixtures(), "Stranger");
        app.users("ann");

        stranger.owner().client().get("/manage/v1/apps/" + app.appId() + "/analytics").assertProblem(404, "not_found");
        stranger.owner().client().get("/manage/v1/apps/" + app.appId() + "/analytics/overview").assertProblem(404, "not_found");
        app.withScopes(api(), "users").get("/v1/analytics").assertProblem(403, "forbidden");
        api().anonymous().get("/v1/analytics").assertProblem(401, "unauthorized");

        // the stranger's own key and the stranger's tenant-wide report see only the stranger's (no users created there)
        assertThat(totals(stranger.withScopes(api(), "analytics").get("/v1/analytics?metrics=new_users")))
                .containsEntry("new_users", 0L);
        assertThat(totals(stranger.owner().client().get("/manage/v1/analytics?metrics=new_users")))
                .containsEntry("new_users", 0L);
        await().atMost(COUNTED_WITHIN).untilAsserted(() -> assertThat(totals(app.owner().client()
                .get("/manage/v1/analytics?metrics=new_users"))).containsEntry("new_users", 1L));
    }

    @Test
    @Order(4)
    void a_bad_query_is_refused_with_a_reason() {
        Api.Client analytics = MessagingApp.create(api(), fixtures(), "Bad Queries").withScopes(api(), "analytics");

        for (String query : List.of("granularity=week", "from=2026-12-05&to=2026-12-01", "from=yesterday",
                "from=2020-01-01&to=2026-01-01&granularity=hour", "metrics=messages,nope", "metrics=active_users&granularity=hour",
                "metrics=,", "from=0001-01-01", "to=" + "9".repeat(60))) {
            Api.Response refused = analytics.get("/v1/analytics?" + query);
            refused.assertProblem(400, "invalid_request");
        }
    }

    @Test
    @Order(4)
    void the_numbers_come_as_csv_when_asked() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Spreadsheet");
        app.users("ann", "ben");
        await().atMost(COUNTED_WITHIN).until(() -> totals(app.withScopes(api(), "analytics")
                .get("/v1/analytics?metrics=new_users")).get("new_users") == 2L);

        Api.Response csv = app.owner().client().header("Accept", "text/csv")
                .get("/manage/v1/apps/" + app.appId() + "/analytics?from=2026-01-01&to=" + today() + "&metrics=new_users,messages_direct");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("start,new_users,messages_direct");
        assertThat(lines.get(1)).startsWith("2026-01-01T00:00:00Z,0,0");
        assertThat(lines.getLast()).isEqualTo("total,2,0");
        assertThat(lines).hasSize(2 + (int) (LocalDate.parse(today()).toEpochDay() - LocalDate.parse("2026-01-01").toEpochDay() + 1));
    }

    @Test
    @Order(5)
    void the_push_funnel_is_counted_by_provider_with_failures_by_reason() {
        MockApns apns = ProviderFakes.apns();
        PushApp app = PushApp.create(api(), fixtures(), "Push Funnel");
        app.users("ada");
        String live = app.apnsDevice("ada", apns.newLiveToken());
        app.apnsDevice("ada", apns.newUnregisteredToken());
        app.fcmDevice("ada", "fcm-funnel-" + UUID.randomUUID());

        String push = app.push(PushApp.users(List.of("ada")), "Hello", "The funnel");
        app.completed(push);
        assertThat(app.client().post("/v1/push/" + push + "/opens", Map.of("deviceId", live)).status()).isEqualTo(200);

        Api.Client owner = app.app().owner().client();
        await().atMost(COUNTED_WITHIN).untilAsserted(() -> {
            JsonNode report = owner.get("/manage/v1/apps/" + app.appId() + "/analytics?metrics=push_targeted,push_sent,"
                    + "push_delivered,push_failed,push_dead_tokens,push_opened").json();
            assertThat(parts(report, "push_targeted")).containsOnly(Map.entry("apns", 2L), Map.entry("fcm", 1L));
            assertThat(parts(report, "push_sent")).containsOnly(Map.entry("apns", 2L), Map.entry("fcm", 1L));
            assertThat(parts(report, "push_delivered")).containsOnly(Map.entry("apns", 1L), Map.entry("fcm", 1L));
            assertThat(parts(report, "push_failed")).containsOnly(Map.entry("apns/Unregistered", 1L));
            assertThat(parts(report, "push_dead_tokens")).containsOnly(Map.entry("apns", 1L));
            assertThat(totals(report)).containsEntry("push_opened", 1L).containsEntry("push_delivered", 2L);
        });
    }

    @Test
    @Order(9)
    void a_node_killed_between_flushes_loses_at_most_what_it_counted_since_its_last_flush() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Killed Node");
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        Api.Client analytics = app.withScopes(api(), "analytics");
        String report = "/v1/analytics?metrics=messages_direct&from=" + today() + "&to=" + today();
        try (Chat chat = new Chat(app); ChatClient ben = ChatClient.connect(second.gateway(), chat.token("ben"))) {
            say(ben, direct, "ben", 10);
            await().atMost(COUNTED_WITHIN).until(() -> totals(analytics.get(report)).get("messages_direct") == 10L);

            say(ben, direct, "ben-late", 5);
            second.kill();
        }
        second = null;

        // the 10 flushed before stay; of the 5 sent within the last flush interval, any may be lost, none counted twice
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(totals(analytics.get(report)).get("messages_direct")).isBetween(10L, 15L));
    }

    private static Void say(ChatClient client, String conversation, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(client.say(conversation, prefix + "-" + i, "message " + i).get("type").asString()).isEqualTo("ack");
        }
        return null;
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** Each metric's total of a JSON report. */
    private static Map<String, Long> totals(Api.Response report) {
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return totals(report.json());
    }

    private static Map<String, Long> totals(JsonNode report) {
        Map<String, Long> totals = new HashMap<>();
        for (JsonNode series : report.get("metrics")) {
            totals.put(series.get("metric").asString(), series.get("total").asLong());
        }
        return totals;
    }

    /** What a metric's total of a JSON report is made of. */
    private static Map<String, Long> parts(JsonNode report, String metric) {
        Map<String, Long> parts = new HashMap<>();
        for (JsonNode series : report.get("metrics")) {
            if (series.get("metric").asString().equals(metric)) {
                series.get("parts").properties().forEach(part -> parts.put(part.getKey(), part.getValue().asLong()));
            }
        }
        return parts;
    }
}
