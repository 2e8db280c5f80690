package io.linnet.server.operations;

import io.linnet.server.database.DatabaseServer;
import io.linnet.server.embedded.EmbeddedPostgresServer;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault drill: PostgreSQL restarted under sends. While it is down, sends answer a retryable error
 * (REST 503 {@code unavailable} with {@code Retry-After}; WebSocket an {@code unavailable} error frame
 * with {@code retryAfterMs}), never a 500 or a hang; once it is back the same server sends again
 * by itself, and every acknowledged message is there exactly once.
 */
class DatabaseRestartIT extends ServerIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestartIT.class);

    @Autowired
    DatabaseServer database;

    @Test
    void sends_during_a_database_restart_fail_with_a_retryable_503_then_succeed_and_no_acknowledged_message_is_lost()
            throws Exception {
        EmbeddedPostgresServer postgres = (EmbeddedPostgresServer) database.embedded();
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Database Restart Drill");
        app.users("alice", "bob", "carol");
        String conversation = app.group("drill", "alice", "bob", "carol");

        Instant stopped;
        Instant restarted;
        Instant recovered;
        SendLoad load;
        JsonNode refusedFrame;
        int healthDuringOutage;
        int livenessDuringOutage;
        try (Chat chat = new Chat(app)) {
            ChatClient alice = chat.device("alice");
            load = SendLoad.start(app, conversation, List.of("alice", "bob", "carol"), 300, "pg");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= 30);

                postgres.stop();
                stopped = Instant.now();
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> load.answered(503) >= 3);
                    alice.send(Map.of("type", "send", "ref", "during-outage", "clientMsgId", "ws-during-outage",
                            "conversationId", conversation, "body", Map.of("type", "text", "text", "while the database is away")));
                    // the send waits for a database connection (LINNET_DB_CONNECTION_TIMEOUT) behind the load's sends
                    Predicate<JsonNode> answer = frame -> "during-outage".equals(frame.path("ref").asString());
                    refusedFrame = alice.receives(answer, Duration.ofSeconds(45))
                            ? alice.seen().stream().filter(answer).findFirst().orElseThrow() : null;
                    healthDuringOutage = api().anonymous().get("/actuator/health").status();
                    livenessDuringOutage = api().anonymous().get("/actuator/health/liveness").status();
                } finally {
                    // the server of the tests after this one needs its database back, whatever failed
                    postgres.restart();
                    restarted = Instant.now();
                }
                int ackedAtRestart = load.ackedCount();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= ackedAtRestart + 30);
                recovered = load.firstAckAfter(restarted);
            } finally {
                load.close();
            }
            assertThat(alice.say(conversation, "ws-after-restart", "the database is back").path("seq").asLong())
                    .as("the WebSocket sends again on the same connection").isPositive();
        } finally {
            await().atMost(Duration.ofSeconds(60)).until(() -> api().anonymous().get("/actuator/health").status() == 200);
        }

        assertThat(healthDuringOutage).as("the health endpoint tells the operator").isEqualTo(503);
        assertThat(livenessDuringOutage).as("the node is alive: no orchestrator should restart it for this").isEqualTo(200);
        assertThat(refusedFrame).as("the WebSocket send was answered").isNotNull();
        assertThat(refusedFrame.path("type").asString()).isEqualTo("error");
        assertThat(refusedFrame.path("code").asString()).isEqualTo("unavailable");
        assertThat(refusedFrame.path("retryAfterMs").asLong()).isPositive();

        List<SendLoad.Attempt> attempts = load.attempts();
        assertThat(attempts).as("every answer is an acknowledgement or a retryable 503, never a 500 or a hang")
                .allSatisfy(attempt -> assertThat(attempt.status()).isIn(200, 201, 503));
        assertThat(attempts).filteredOn(attempt -> attempt.status() == 503)
                .isNotEmpty()
                .allSatisfy(attempt -> {
                    assertThat(attempt.code()).isEqualTo("unavailable");
                    assertThat(attempt.retryAfter()).isNotBlank();
                });

        Map<String, SendLoad.Acked> acked = load.acked();
        List<JsonNode> stored = load.storedMessages();
        Set<String> storedClientMsgIds = new HashSet<>();
        stored.forEach(message -> storedClientMsgIds.add(message.get("clientMsgId").asString()));
        assertThat(stored).as("seqs have no gap").extracting(message -> message.get("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
        assertThat(storedClientMsgIds).as("each message is stored once").hasSize(stored.size());
        assertThat(storedClientMsgIds).as("nothing acknowledged is lost").containsAll(acked.keySet());
        acked.values().forEach(ack -> assertThat(stored.get((int) ack.seq() - 1).get("messageId").asString())
                .as("the acknowledged seq holds the acknowledged message").isEqualTo(ack.messageId()));

        log.info("Database restart drill: {} messages acknowledged, {} tries answered 503 unavailable, {} lost; "
                        + "down for {} ms, first send acknowledged {} ms after the restart",
                acked.size(), load.answered(503), acked.keySet().stream().filter(id -> !storedClientMsgIds.contains(id)).count(),
                Duration.between(stopped, restarted).toMillis(), Duration.between(restarted, recovered).toMillis());
    }
}
