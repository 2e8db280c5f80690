package io.linnet.server.messaging;

import io.linnet.messaging.ConversationType;
import io.linnet.messaging.MessageRecalled;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link MessageSent} and {@link MessageRecalled} reach other modules' listeners only once the
 * message is committed (another connection already sees it), and never for a send that was
 * refused or a retry of one already stored. MessageSent is announced off the sender's thread, from
 * an outbox row that goes once its listeners have all run.
 */
class MessageEventsIT extends ServerIT {

    /** An event as a listener saw it, with whether a separate connection could read the message at that moment. */
    record Seen(Object event, boolean committed) {
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    PlatformDatabase platform;

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private ApplicationListener<PayloadApplicationEvent<?>> listener;
    private MessagingApp app;

    @BeforeEach
    void listen() {
        app = MessagingApp.create(api(), fixtures(), "Event Hall");
        listener = event -> {
            switch (event.getPayload()) {
                case MessageSent sent when sent.appId().toString().equals(app.appId()) ->
                        seen.add(new Seen(sent, committed(sent.messageId().value())));
                case MessageRecalled recalled when recalled.appId().toString().equals(app.appId()) ->
                        seen.add(new Seen(recalled, committed(recalled.messageId().value())));
                default -> {
                }
            }
        };
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    private boolean committed(UUID messageId) {
        return CompletableFuture.supplyAsync(() -> platform.jdbc()
                .sql("select count(*) from messages where id = ?").param(messageId).query(Integer.class).single() == 1).join();
    }

    private int outboxRows(String messageId) {
        return platform.jdbc().sql("select count(*) from message_sent_outbox where message_id = ?")
                .param(UUID.fromString(messageId)).query(Integer.class).single();
    }

    @Test
    void a_stored_message_is_announced_after_its_commit_with_what_listeners_need() {
        app.users("ann", "ben", "cat");
        String group = app.group("Events", "ann", "ben", "cat");

        JsonNode sent = app.sent(group, "ann", "e-1", "héllo");

        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.committed()).as("published after the commit").isTrue();
            MessageSent event = (MessageSent) s.event();
            assertThat(event.messageId().toString()).isEqualTo(sent.get("messageId").asString());
            assertThat(event.seq()).isEqualTo(1);
            assertThat(event.conversationId().toString()).isEqualTo(group);
            assertThat(event.conversationType()).isEqualTo(ConversationType.GROUP);
            assertThat(event.tenantId().toString()).isEqualTo(app.owner().tenantId());
            assertThat(event.senderId()).isEqualTo(UserId.of("ann"));
            assertThat(event.recipientIds()).containsExactly(UserId.of("ben"), UserId.of("cat"));
            assertThat(event.offlineRecipientIds()).as("nobody is connected").containsExactly(UserId.of("ben"), UserId.of("cat"));
            assertThat(event.bodyType()).isEqualTo("text");
            assertThat(event.bodyBytes()).as("the body's JSON in UTF-8, é is two bytes")
                    .isEqualTo("{\"type\":\"text\",\"text\":\"héllo\"}".getBytes(StandardCharsets.UTF_8).length)
                    .isEqualTo(31);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outboxRows(sent.get("messageId").asString()))
                .as("the outbox keeps nothing once every listener has run").isZero());
    }

    @Test
    void a_single_send_and_a_batched_one_tell_the_same() {
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        // a reply is stored in a transaction of its own, every other send goes through group commit
        String first = app.sent(direct, "ann", "d-1", "first").get("messageId").asString();
        Api.Response reply = app.client().post("/v1/conversations/" + direct + "/messages", Map.of("senderId", "ben",
                "clientMsgId", "d-2", "body", Map.of("type", "text", "text", "re", "replyTo", first)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
        assertThat(seen).extracting(s -> (MessageSent) s.event())
                .allSatisfy(event -> assertThat(event.conversationType()).isEqualTo(ConversationType.DIRECT))
                .extracting(event -> event.senderId().value() + "->" + event.recipientIds() + ":" + event.seq())
                .containsExactlyInAnyOrder("ann->[ben]:1", "ben->[ann]:2");
        MessageSent replied = seen.stream().map(s -> (MessageSent) s.event()).filter(event -> event.seq() == 2).findFirst().orElseThrow();
        assertThat(replied.bodyBytes()).isEqualTo(replied.body().toString().getBytes(StandardCharsets.UTF_8).length);
        assertThat(seen).allSatisfy(s -> assertThat(s.committed()).isTrue());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outboxRows(first)).isZero());
    }

    @Test
    void refused_sends_and_retries_announce_nothing() {
        app.users("ann", "ben", "eve");
        String direct = app.direct("ann", "ben");
        app.sent(direct, "ann", "once", "first");
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        seen.clear();

        assertThat(app.send(direct, "ann", "once", "first").status()).as("retry").isEqualTo(200);
        assertThat(app.send(direct, "eve", "e-2", "let me in").status()).as("non-member").isEqualTo(404);
        assertThat(app.client().post("/v1/conversations/" + direct + "/messages", Map.of("senderId", "ann",
                "clientMsgId", "e-3", "body", Map.of("type", "text", "text", "re", "replyTo", UUID.randomUUID().toString())))
                .status()).as("refused after the seq was taken: rolled back").isEqualTo(400);

        assertThat(app.sent(direct, "ben", "e-4", "next").get("seq").asLong()).as("no seq was lost").isEqualTo(2);
        // a conversation's messages are announced in order: once the next one is, nothing else is on its way
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        assertThat(seen).singleElement().satisfies(s -> assertThat(((MessageSent) s.event()).seq()).isEqualTo(2));
    }

    @Test
    void a_recall_is_announced_once_after_its_commit() {
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");
        String messageId = app.sent(direct, "ann", "r-1", "oops").get("messageId").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        seen.clear();

        app.client().post("/v1/messages/" + messageId + "/recall", Map.of("userId", "ann"));
        app.client().post("/v1/messages/" + messageId + "/recall", null);

        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.committed()).isTrue();
            MessageRecalled event = (MessageRecalled) s.event();
            assertThat(event.messageId().toString()).isEqualTo(messageId);
            assertThat(event.seq()).isEqualTo(1);
            assertThat(event.recalledBy()).contains(UserId.of("ann"));
        });
    }
}
