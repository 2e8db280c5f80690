package io.linnet.server.operations;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.linnet.server.embedded.EmbeddedRedisServer;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.redis.RedisServerAddress;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault drill: Redis stopped and restarted under chat load. Without Redis, chat within one node
 * goes on (REST and WebSocket sends, live delivery, new connections); what needs Redis fails
 * closed with a retryable 503 {@code unavailable} (idempotency keys, the password sign-in
 * throttle); once Redis is back everything recovers by itself: health, idempotency, sign-in, the
 * pub/sub subscriptions (moderation notices, the gateway's cross-node channel) and presence claims.
 */
class RedisOutageIT extends ServerIT {

    private static final Logger log = LoggerFactory.getLogger(RedisOutageIT.class);

    @Autowired
    RedisServerAddress redisAddress;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void with_redis_stopped_chat_on_one_node_goes_on_what_needs_redis_answers_503_and_all_recovers_by_itself()
            throws Exception {
        EmbeddedRedisServer embedded = redisAddress.embedded(EmbeddedRedisServer.class).orElseThrow();
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Redis Outage Drill");
        app.users("alice", "bob");
        String conversation = app.direct("alice", "bob");
        Api.Client idempotent = app.client().header("Idempotency-Key", "drill-during-outage");

        Instant stopped;
        Instant restarted;
        Instant healthy;
        SendLoad load;
        JsonNode sentDuringOutage;
        JsonNode deliveredDuringOutage;
        JsonNode presenceDuringOutage;
        Api.Response idempotentDuringOutage;
        Api.Response signInDuringOutage;
        int health;
        int liveness;
        int readiness;
        try (Chat chat = new Chat(app)) {
            ChatClient alice = chat.device("alice");
            ChatClient bob = chat.device("bob");
            load = SendLoad.start(app, conversation, List.of("alice", "bob"), 400, "redis");
            ChatClient bobsNewDevice;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= 20);

                embedded.stop();
                stopped = Instant.now();
                try {
                    int ackedAtStop = load.ackedCount();
                    sentDuringOutage = alice.say(conversation, "ws-during-outage", "Redis is away");
                    deliveredDuringOutage = bob.next(frame -> "ws-during-outage".equals(frame.path("clientMsgId").asString()));
                    bobsNewDevice = chat.device("bob");
                    alice.send(Map.of("type", "presence", "ref", "presence-during-outage", "userIds", List.of("bob")));
                    presenceDuringOutage = alice.next(frame -> "presence-during-outage".equals(frame.path("ref").asString()));
                    await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= ackedAtStop + 20);
                    idempotentDuringOutage = idempotent.post("/v1/conversations/" + conversation + "/messages",
                            sendBody("alice", "idem-1"));
                    signInDuringOutage = operator().get("/ops/v1/tenants");
                    health = api().anonymous().get("/actuator/health").status();
                    liveness = api().anonymous().get("/actuator/health/liveness").status();
                    readiness = api().anonymous().get("/actuator/health/readiness").status();
                } finally {
                    // the server of the tests after this one needs its Redis back, whatever failed
                    embedded.restart();
                    restarted = Instant.now();
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> api().anonymous().get("/actuator/health").status() == 200);
                healthy = Instant.now();
            } finally {
                load.close();
            }

            assertThat(deliveredDuringOutage.path("seq").asLong()).as("sends and live delivery on this node go on")
                    .isEqualTo(sentDuringOutage.path("seq").asLong());
            assertThat(presenceDuringOutage.path("code").asString()).as("presence cannot be known without Redis")
                    .isEqualTo("unavailable");
            assertThat(presenceDuringOutage.path("retryAfterMs").asLong()).isPositive();
            idempotentDuringOutage.assertProblem(503, "unavailable");
            assertThat(idempotentDuringOutage.header("Retry-After")).isNotBlank();
            signInDuringOutage.assertProblem(503, "unavailable");
            assertThat(health).as("the health endpoint tells the operator").isEqualTo(503);
            assertThat(liveness).isEqualTo(200);
            assertThat(readiness).as("the node keeps taking traffic: chat works without Redis").isEqualTo(200);

            assertThat(idempotent.post("/v1/conversations/" + conversation + "/messages", sendBody("alice", "idem-1"))
                    .status()).isEqualTo(201);
            assertThat(idempotent.post("/v1/conversations/" + conversation + "/messages", sendBody("alice", "idem-1"))
                    .header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(operator().get("/ops/v1/tenants").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(subscribers("linnet:moderation:changed")).as("moderation notices are heard again").isPositive();
                assertThat(subscribers("linnet:gateway:all")).as("the gateway listens to the other nodes again").isPositive();
            });
            // live messages of the load may reach the new device before its ready frame: pick that frame
            String connection = bobsNewDevice.seen().stream()
                    .filter(frame -> "ready".equals(frame.path("type").asString()))
                    .findFirst().orElseThrow().path("connectionId").asString();
            assertThat(connection).isNotBlank();
            String claims = "t:" + app.owner().tenantId() + ":a:" + app.appId() + ":u:bob:conns";
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(redis.opsForZSet().range(claims, 0, -1))
                    .as("the device that connected during the outage is claimed at the next renewal")
                    .anySatisfy(member -> assertThat(member).endsWith("/" + connection)));

            // what another node relays arrives again: a sign-out of bob from elsewhere closes his devices here
            redis.convertAndSend("linnet:gateway:all", Api.JSON.writeValueAsString(Map.of("origin", "drill-node",
                    "kind", "SIGN_OUT", "tenant", app.owner().tenantId(), "app", app.appId(), "users", List.of("bob"))));
            assertThat(bob.closeCode()).isEqualTo(4003);
            assertThat(bobsNewDevice.closeCode()).isEqualTo(4003);
        } finally {
            await().atMost(Duration.ofSeconds(30)).until(() -> api().anonymous().get("/actuator/health").status() == 200);
        }

        assertThat(load.attempts()).as("sends within one node never failed for Redis")
                .allSatisfy(attempt -> assertThat(attempt.status()).as(attempt.toString()).isIn(200, 201));
        List<JsonNode> stored = load.storedMessages();
        Set<String> storedClientMsgIds = new HashSet<>();
        stored.forEach(message -> storedClientMsgIds.add(message.get("clientMsgId").asString()));
        assertThat(storedClientMsgIds).as("each message is stored once").hasSize(stored.size());
        assertThat(storedClientMsgIds).as("nothing acknowledged is lost").containsAll(load.acked().keySet());

        log.info("Redis outage drill: {} messages acknowledged ({} while Redis was down), 0 failed, {} lost; "
                        + "down for {} ms, health UP {} ms after the restart",
                load.ackedCount(), load.acked().values().stream()
                        .filter(ack -> ack.at().isAfter(stopped) && ack.at().isBefore(restarted)).count(),
                load.acked().keySet().stream().filter(id -> !storedClientMsgIds.contains(id)).count(),
                Duration.between(stopped, restarted).toMillis(), Duration.between(restarted, healthy).toMillis());
    }

    private static Map<String, Object> sendBody(String sender, String clientMsgId) {
        return Map.of("senderId", sender, "clientMsgId", clientMsgId, "body", Map.of("type", "text", "text", "once"));
    }

    /** How many connections are subscribed to {@code channel} (PUBSUB NUMSUB), asked on a connection of its own. */
    private long subscribers(String channel) {
        RedisClient client = RedisClient.create(redisAddress.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
        } finally {
            client.shutdown();
        }
    }
}
