package io.linnet.server.push;

import io.linnet.server.LinnetApplication;
import io.linnet.server.embedded.EmbeddedPostgresServer;
import io.linnet.server.embedded.EmbeddedRedisServer;
import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.tenancy.secret.SecretCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push across server processes sharing one PostgreSQL and one Redis: a job in flight when its node stops resumes on
 * the next one without sending what was accepted again; two nodes share one outbox without sending anything twice;
 * and what a crashed node held (deliveries it claimed, a job it was expanding) comes back after the lease.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushNodesIT {

    private static final String OPERATOR = "root@nodes.test";
    private static final String PASSWORD = "nodes-operator-password";

    private final SecurityContextHolderStrategy sharedServersStrategy = SecurityContextHolder.getContextHolderStrategy();
    private final String masterKey = SecretCipher.generateKey();
    private final MockApns apns = ProviderFakes.apns();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private Path dataDir;
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;

    @BeforeAll
    void sharedDatabaseAndRedis() throws Exception {
        dataDir = Files.createTempDirectory("linnet-push-nodes-");
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        redis = EmbeddedRedisServer.start(dataDir.resolve("redis"));
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
        // Vaadin installs its security-context strategy in a JVM-wide static; give the shared test server its own back
        SecurityContextHolder.setContextHolderStrategy(sharedServersStrategy);
    }

    @AfterAll
    void stopDatabaseAndRedis() {
        redis.close();
        postgres.close();
    }

    @Test
    void a_push_in_flight_when_its_node_stops_resumes_on_the_next_node_without_sending_twice() {
        ConfigurableApplicationContext first = node(300);
        Setup setup = setup(api(first), "Resume", 3_000);
        String push = setup.app().push(Map.of("all", true), "Resume", "after restart");
        await().atMost(Duration.ofSeconds(60)).until(() -> setup.app().job(push).get("counts").get("delivered").asInt() >= 500);

        first.close();
        nodes.remove(first);
        int recorded = deliveredCount(push);
        int accepted = setup.tokens().stream().mapToInt(apns::accepted).sum();
        assertThat(recorded).as("every delivery the stopped node saw accepted is recorded").isEqualTo(accepted);
        assertThat(recorded).as("the push was stopped half way").isBetween(500, 2_999);

        ConfigurableApplicationContext second = node(300);
        PushApp resumed = setup.app().on(api(second));
        JsonNode job = resumed.completed(push, Duration.ofSeconds(90));
        assertThat(PushJobCounts.of(job)).containsExactly(3_000, 0, 3_000, 3_000, 0);
        assertThat(setup.tokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isEqualTo(1));
    }

    @Test
    void two_nodes_share_one_outbox_without_sending_anything_twice() {
        node(0);
        ConfigurableApplicationContext second = node(0);
        // the API calls all go to the node started last: Vaadin keeps its security context strategy in a JVM-wide
        // static, which only the newest of several servers in one JVM gets; the other node's workers need none
        Setup setup = setup(api(second), "Shared", 6_000);

        String push = setup.app().push(Map.of("all", true), "Shared", "by two nodes");
        JsonNode job = setup.app().completed(push, Duration.ofSeconds(120));

        assertThat(PushJobCounts.of(job)).containsExactly(6_000, 0, 6_000, 6_000, 0);
        assertThat(setup.tokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isEqualTo(1));
        assertThat(sql("select count(distinct claimed_by) from push_deliveries where job_id = '" + push + "'"))
                .as("both nodes sent part of it").isEqualTo(2);
    }

    @Test
    void what_a_crashed_node_held_comes_back_after_its_lease_and_is_sent_once() {
        ConfigurableApplicationContext node = node(0);
        Setup setup = setup(api(node), "Crashed", 1_000);
        String push = setup.app().push(Map.of("all", true), "Crashed", "and recovered",
                "sendAt", Instant.now().plus(Duration.ofHours(1)).toString());
        // what a node that died while expanding this job leaves: half of the outbox written, the cursor there, a
        // hundred deliveries claimed and never sent, and both leases running for another three seconds
        String half = "(select id from push_devices where app_id = '" + setup.appId() + "' order by id limit 500)";
        execute("""
                update push_jobs set state = 'expanding', send_at = now(), lease_until = now() + interval '3 seconds',
                       lease_id = gen_random_uuid(), targeted = 500, queued = 500,
                       expand_cursor = (select id from push_devices where app_id = '%s' order by id offset 499 limit 1)
                 where id = '%s'""".formatted(setup.appId(), push));
        // one statement, so that the running node never sees the claimed hundred as due
        execute("""
                insert into push_deliveries (tenant_id, app_id, job_id, device_id, user_id, provider, state, due_at,
                                             claim_id, claimed_by)
                select d.tenant_id, d.app_id, '%s', d.id, d.user_id, 'apns', 'queued',
                       case when d.n <= 100 then now() + interval '3 seconds' else now() end,
                       case when d.n <= 100 then gen_random_uuid() end,
                       case when d.n <= 100 then 'crashed-node' end
                  from (select *, row_number() over (order by id) as n from push_devices where id in %s) d"""
                .formatted(push, half));
        Instant leasesEnd = Instant.now().plusSeconds(3);

        JsonNode job = setup.app().completed(push, Duration.ofSeconds(60));

        assertThat(PushJobCounts.of(job)).containsExactly(1_000, 0, 1_000, 1_000, 0);
        assertThat(setup.tokens()).allSatisfy(token -> assertThat(apns.accepted(token)).as(token).isEqualTo(1));
        assertThat(Instant.parse(job.get("completedAt").asString())).isAfter(leasesEnd.minusMillis(500));
    }

    private record Setup(PushApp app, String appId, List<String> tokens) {
    }

    /** A tenant with an app whose APNs key is uploaded, and {@code devices} devices inserted with SQL. */
    private Setup setup(Api api, String name, int devices) {
        Api.Client operator = api.basic(OPERATOR, PASSWORD);
        String email = "owner-" + UUID.randomUUID() + "@nodes.test";
        Api.Response tenant = operator.post("/ops/v1/tenants", Map.of("name", name + " " + UUID.randomUUID(),
                "owner", Map.of("email", email, "password", "a-long-enough-password")));
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        String tenantId = tenant.json().get("tenant").get("id").asString();
        Api.Client owner = api.basic(email, "a-long-enough-password");
        String appId = owner.post("/manage/v1/apps", Map.of("name", name.toLowerCase())).json().get("id").asString();
        JsonNode key = owner.post("/manage/v1/apps/" + appId + "/keys", Map.of("name", "backend")).json();
        Api.Client backend = api.bearer(api.accessToken(key.get("id").asString(), key.get("secret").asString()));
        PushApp app = new PushApp(new io.linnet.server.messaging.MessagingApp(
                new io.linnet.server.support.Fixtures.TenantOwner(tenantId, email, owner), appId,
                new io.linnet.server.support.Fixtures.AppKey(appId, key.get("id").asString(), key.get("secret").asString()),
                backend));
        app.uploadApnsKey();
        List<String> tokens = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            tokens.add(apns.newBulkToken());
        }
        try (Connection connection = connection()) {
            try (PreparedStatement users = connection.prepareStatement(
                    "insert into end_users (tenant_id, app_id, user_id) select ?::uuid, ?::uuid, 'user-' || i from generate_series(1, 100) i")) {
                users.setString(1, tenantId);
                users.setString(2, appId);
                users.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into push_devices (tenant_id, app_id, id, user_id, provider, token, environment)
                    select ?::uuid, ?::uuid, gen_random_uuid(), 'user-' || (n % 100 + 1), 'apns', t, 'production'
                      from unnest(?) with ordinality as d(t, n)""")) {
                insert.setString(1, tenantId);
                insert.setString(2, appId);
                insert.setArray(3, connection.createArrayOf("text", tokens.toArray()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Setup(app, appId, tokens);
    }

    /** A server process of its own against the shared database and Redis; {@code sendRate} 0 means no limit. */
    private ConfigurableApplicationContext node(int sendRate) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(LinnetApplication.class).run(
                "--server.port=0",
                "--linnet.gateway.port=0",
                "--linnet.data-dir=" + dataDir,
                "--linnet.db.url=" + postgres.jdbcUrl(),
                "--linnet.db.user=" + EmbeddedPostgresServer.SUPERUSER,
                "--linnet.db.password=" + postgres.password(),
                "--linnet.redis-url=" + redis.url(),
                "--linnet.master-key=" + masterKey,
                "--linnet.operator.email=" + OPERATOR,
                "--linnet.operator.password=" + PASSWORD,
                "--linnet.push.apns-production-host=localhost",
                "--linnet.push.apns-production-port=" + apns.port(),
                "--linnet.push.apns-sandbox-host=localhost",
                "--linnet.push.apns-sandbox-port=" + apns.port(),
                "--linnet.push.apns-trusted-certificate=" + apns.certificateFile(),
                "--linnet.push.app-send-rate=" + sendRate,
                "--linnet.push.claim-batch=100");
        nodes.add(node);
        return node;
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    private int deliveredCount(String push) {
        return sql("select count(*) from push_deliveries where job_id = '" + push + "' and state = 'delivered'");
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, postgres.password());
    }

    private int sql(String query) {
        try (Connection connection = connection(); var statement = connection.createStatement();
             var result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String statement) {
        try (Connection connection = connection(); var executing = connection.createStatement()) {
            executing.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
