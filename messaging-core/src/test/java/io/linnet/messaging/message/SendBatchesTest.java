package io.linnet.messaging.message;

import io.linnet.messaging.CheckedBody;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageBody;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.database.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The group commit against a real PostgreSQL, without Spring: which sends share a transaction (PostgreSQL's
 * {@code xmin} tells: rows inserted by one transaction carry its id), what happens when a batch fails, and the
 * order of each conversation's seqs. To make sends queue behind a transaction, a test holds a conversation's row
 * lock so that the batch storing a send to it waits; what is submitted meanwhile forms the next batch.
 */
class SendBatchesTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final AppRef app = DB.newApp();
    private final StoresAlone alone = new StoresAlone();
    private SendBatches batches;

    @AfterEach
    void stop() {
        if (batches != null) {
            batches.stop();
        }
    }

    @Test
    void sends_that_queue_while_a_transaction_is_in_flight_are_stored_together_in_the_next_one() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 64);
        ConversationId busy = conversation(app, "ann", "ben");
        ConversationId first = conversation(app, "ann", "ben");
        ConversationId second = conversation(app, "ann", "cat");

        List<CompletableFuture<SendBatches.Outcome>> queued = new ArrayList<>();
        try (HeldRow held = new HeldRow(app, busy)) {
            CompletableFuture<SendBatches.Outcome> waiting = batches.submit(app, busy, text("ann", "busy-1"));
            awaitBatchWaitingForLock();
            for (int i = 1; i <= 10; i++) {
                queued.add(batches.submit(app, i % 2 == 0 ? first : second, text("ann", "m-" + i)));
            }
            assertThat(waiting).isNotDone();
        }

        List<SendBatches.Outcome> outcomes = joinAll(queued);
        assertThat(transactionsOf(app, first, second)).as("one transaction for the ten sends").hasSize(1);
        assertThat(transactionsOf(app, busy)).doesNotContainAnyElementsOf(transactionsOf(app, first));
        assertThat(outcomes).extracting(outcome -> outcome.receipt().createdAt()).as("the transaction's time")
                .containsOnly(outcomes.getFirst().receipt().createdAt());
        assertThat(alone.received).isEmpty();
    }

    @Test
    void a_transaction_stores_at_most_the_batch_size_and_the_rest_follows_in_the_next() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 4);
        ConversationId busy = conversation(app, "ann", "ben");
        ConversationId chat = conversation(app, "ann", "ben");

        List<CompletableFuture<SendBatches.Outcome>> queued = new ArrayList<>();
        try (HeldRow held = new HeldRow(app, busy)) {
            batches.submit(app, busy, text("ann", "busy-1"));
            awaitBatchWaitingForLock();
            for (int i = 1; i <= 10; i++) {
                queued.add(batches.submit(app, chat, text("ben", "m-" + i)));
            }
        }
        joinAll(queued);

        assertThat(transactionSizesBySeq(app, chat)).containsExactly(4, 4, 2);
    }

    @Test
    void in_one_batch_each_conversation_takes_its_seqs_in_the_order_its_sends_were_submitted() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 64);
        ConversationId busy = conversation(app, "ann", "ben");
        ConversationId left = conversation(app, "ann", "ben");
        ConversationId right = conversation(app, "ann", "ben");

        Map<String, CompletableFuture<SendBatches.Outcome>> sent = new LinkedHashMap<>();
        try (HeldRow held = new HeldRow(app, busy)) {
            batches.submit(app, busy, text("ann", "busy-1"));
            awaitBatchWaitingForLock();
            for (int i = 1; i <= 6; i++) {
                sent.put("left-" + i, batches.submit(app, left, text(i % 2 == 0 ? "ann" : "ben", "left-" + i)));
                sent.put("right-" + i, batches.submit(app, right, text(i % 3 == 0 ? "ben" : "ann", "right-" + i)));
            }
        }
        joinAll(sent.values());

        assertThat(transactionsOf(app, left, right)).hasSize(1);
        assertThat(clientMsgIdsBySeq(app, left)).containsExactly("left-1", "left-2", "left-3", "left-4", "left-5", "left-6");
        assertThat(clientMsgIdsBySeq(app, right)).containsExactly("right-1", "right-2", "right-3", "right-4", "right-5", "right-6");
        for (int i = 1; i <= 6; i++) {
            assertThat(sent.get("left-" + i).join().receipt().seq()).as("the answer's seq").isEqualTo(i);
            assertThat(sent.get("right-" + i).join().receipt().seq()).isEqualTo(i);
        }
        assertThat(lastSeq(app, left)).isEqualTo(6);
    }

    @Test
    void concurrent_senders_keep_each_conversation_s_seqs_gap_free_and_in_submission_order() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 3, 8);
        List<ConversationId> conversations = IntStream.range(0, 6).mapToObj(i -> conversation(app, "ann", "ben")).toList();
        int perConversation = 40;

        Map<ConversationId, List<CompletableFuture<SendBatches.Outcome>>> sent = new LinkedHashMap<>();
        List<Thread> senders = new ArrayList<>();
        for (ConversationId conversation : conversations) {
            List<CompletableFuture<SendBatches.Outcome>> futures = new CopyOnWriteArrayList<>();
            sent.put(conversation, futures);
            senders.add(Thread.ofVirtual().start(() -> {
                for (int i = 1; i <= perConversation; i++) {
                    futures.add(batches.submit(app, conversation, text(i % 2 == 0 ? "ann" : "ben", conversation + "-" + i)));
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }

        for (ConversationId conversation : conversations) {
            List<SendBatches.Outcome> outcomes = joinAll(sent.get(conversation));
            assertThat(outcomes).extracting(outcome -> outcome.receipt().seq()).as("seqs in submission order")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, perConversation).mapToObj(Long::valueOf).toList());
            assertThat(clientMsgIdsBySeq(app, conversation)).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, perConversation).mapToObj(i -> conversation + "-" + i).toList());
        }
        assertThat(alone.received).isEmpty();
    }

    @Test
    void when_a_batch_fails_each_send_is_stored_alone_and_only_the_bad_one_fails() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 64);
        ConversationId busy = conversation(app, "ann", "ben");
        ConversationId chat = conversation(app, "ann", "ben");
        ConversationId other = conversation(app, "ann", "cat");

        CompletableFuture<SendBatches.Outcome> first;
        CompletableFuture<SendBatches.Outcome> bad;
        CompletableFuture<SendBatches.Outcome> third;
        CompletableFuture<SendBatches.Outcome> elsewhere;
        try (HeldRow held = new HeldRow(app, busy)) {
            batches.submit(app, busy, text("ann", "busy-1"));
            awaitBatchWaitingForLock();
            first = batches.submit(app, chat, text("ann", "first"));
            bad = batches.submit(app, chat, refusedByTheDatabase("ann", "bad"));
            third = batches.submit(app, chat, text("ben", "third"));
            elsewhere = batches.submit(app, other, text("cat", "elsewhere"));
        }

        assertThat(bad).failsWithin(WAIT);
        assertThat(first).succeedsWithin(WAIT).satisfies(outcome -> assertThat(outcome.receipt().seq()).isEqualTo(1));
        assertThat(third).succeedsWithin(WAIT).satisfies(outcome -> assertThat(outcome.receipt().seq()).isEqualTo(2));
        assertThat(elsewhere).succeedsWithin(WAIT).satisfies(outcome -> assertThat(outcome.receipt().seq()).isEqualTo(1));
        assertThat(alone.received).as("the whole batch, in order").containsExactly("first", "bad", "third", "elsewhere");
        assertThat(clientMsgIdsBySeq(app, chat)).containsExactly("first", "third");
        assertThat(lastSeq(app, chat)).as("the failed batch took no seq").isEqualTo(2);
        assertThat(clientMsgIdsBySeq(app, other)).containsExactly("elsewhere");
    }

    @Test
    void a_repeat_within_one_batch_is_answered_with_the_original_once_the_batch_has_committed() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 64);
        ConversationId busy = conversation(app, "ann", "ben");
        ConversationId chat = conversation(app, "ann", "ben");

        CompletableFuture<SendBatches.Outcome> original;
        CompletableFuture<SendBatches.Outcome> repeat;
        CompletableFuture<SendBatches.Outcome> next;
        try (HeldRow held = new HeldRow(app, busy)) {
            batches.submit(app, busy, text("ann", "busy-1"));
            awaitBatchWaitingForLock();
            original = batches.submit(app, chat, text("ann", "hello"));
            repeat = batches.submit(app, chat, text("ann", "hello"));
            next = batches.submit(app, chat, text("ben", "reply"));
        }

        SendBatches.Outcome stored = original.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(repeat).succeedsWithin(WAIT).satisfies(answer -> {
            assertThat(answer.receipt().repeated()).isTrue();
            assertThat(answer.receipt().messageId()).isEqualTo(stored.receipt().messageId());
            assertThat(answer.receipt().seq()).isEqualTo(1);
            assertThat(answer.stored()).as("nothing new to announce").isEmpty();
        });
        assertThat(next).succeedsWithin(WAIT).satisfies(outcome -> assertThat(outcome.receipt().seq()).isEqualTo(2));
        assertThat(alone.received).as("the batch itself did not fail").containsExactly("hello");
        assertThat(stored.stored()).hasValueSatisfying(event -> {
            assertThat(event.message().seq()).isEqualTo(1);
            assertThat(event.recipientIds()).containsExactly(new UserId("ben"));
        });
    }

    @Test
    void a_sender_who_is_not_a_member_is_refused_while_the_rest_of_the_batch_is_stored() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 64);
        ConversationId busy = conversation(app, "ann", "ben");
        ConversationId chat = conversation(app, "ann", "ben");
        conversation(app, "zed");

        CompletableFuture<SendBatches.Outcome> member;
        CompletableFuture<SendBatches.Outcome> outsider;
        CompletableFuture<SendBatches.Outcome> otherMember;
        try (HeldRow held = new HeldRow(app, busy)) {
            batches.submit(app, busy, text("ann", "busy-1"));
            awaitBatchWaitingForLock();
            member = batches.submit(app, chat, text("ann", "in-1"));
            outsider = batches.submit(app, chat, text("zed", "out-1"));
            otherMember = batches.submit(app, chat, text("ben", "in-2"));
        }

        assertThat(outsider).failsWithin(WAIT).withThrowableThat().havingCause().isInstanceOf(DomainException.class)
                .withMessageContaining("Conversation");
        assertThat(member).succeedsWithin(WAIT);
        assertThat(otherMember).succeedsWithin(WAIT);
        assertThat(clientMsgIdsBySeq(app, chat)).containsExactly("in-1", "in-2");
        assertThat(alone.received).isEmpty();
    }

    @Test
    void each_tenant_s_share_of_a_batch_is_stored_in_a_transaction_bound_to_that_tenant() throws Exception {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 64);
        AppRef otherTenant = DB.newApp();
        ConversationId busy = conversation(app, "ann", "ben");
        ConversationId ours = conversation(app, "ann", "ben");
        ConversationId theirs = conversation(otherTenant, "ann", "ben");

        List<CompletableFuture<SendBatches.Outcome>> queued = new ArrayList<>();
        try (HeldRow held = new HeldRow(app, busy)) {
            batches.submit(app, busy, text("ann", "busy-1"));
            awaitBatchWaitingForLock();
            queued.add(batches.submit(app, ours, text("ann", "ours-1")));
            queued.add(batches.submit(otherTenant, theirs, text("ann", "theirs-1")));
            queued.add(batches.submit(app, ours, text("ben", "ours-2")));
            queued.add(batches.submit(otherTenant, theirs, text("ben", "theirs-2")));
        }
        joinAll(queued);

        assertThat(clientMsgIdsBySeq(app, ours)).containsExactly("ours-1", "ours-2");
        assertThat(clientMsgIdsBySeq(otherTenant, theirs)).containsExactly("theirs-1", "theirs-2");
        assertThat(transactionsOf(app, ours)).hasSize(1).doesNotContainAnyElementsOf(transactionsOf(otherTenant, theirs));
        assertThat(transactionsOf(otherTenant, theirs)).hasSize(1);
        assertThat(alone.received).as("neither share failed").isEmpty();
    }

    @Test
    void after_stopping_a_send_is_refused_instead_of_waiting_forever() {
        batches = new SendBatches(DB.tenantDatabase(), alone, 1, 64);
        ConversationId chat = conversation(app, "ann", "ben");

        batches.stop();

        assertThat(batches.submit(app, chat, text("ann", "late"))).failsWithin(WAIT).withThrowableThat()
                .havingCause().isInstanceOf(IllegalStateException.class);
    }

    // --- set-up and checks ---

    private static ConversationId conversation(AppRef app, String... members) {
        ConversationId id = new ConversationId(Ids.next());
        DB.owner().sql("""
                        insert into conversations (tenant_id, app_id, id, type, name, member_limit)
                        values (?, ?, ?, 'group', 'test', 100)""")
                .params(app.tenantId().value(), app.appId().value(), id.value()).update();
        for (String member : members) {
            DB.owner().sql("insert into end_users (tenant_id, app_id, user_id) values (?, ?, ?) on conflict do nothing")
                    .params(app.tenantId().value(), app.appId().value(), member).update();
            DB.owner().sql("""
                            insert into conversation_members (tenant_id, app_id, conversation_id, user_id, role)
                            values (?, ?, ?, ?, 'member')""")
                    .params(app.tenantId().value(), app.appId().value(), id.value(), member).update();
        }
        return id;
    }

    private static SubmittedMessage text(String sender, String clientMsgId) {
        return SubmittedMessage.of(sender, clientMsgId, new MessageBody("text", "text of " + clientMsgId, null, null, null, null),
                MessagingSettings.defaults());
    }

    /**
     * A send that PostgreSQL refuses, in a batch or alone: a NUL in its text, which jsonb cannot hold. The checks
     * of {@link SubmittedMessage#of} refuse it, so it stands for whatever bad value they do not foresee.
     */
    private static SubmittedMessage refusedByTheDatabase(String sender, String clientMsgId) {
        ObjectNode json = CheckedBody.JSON.createObjectNode().put("type", "text").put("text", "a \u0000 inside");
        return new SubmittedMessage(new UserId(sender), clientMsgId, new CheckedBody(json, Optional.empty()));
    }

    /** Until a batch waits for a row lock: its worker is busy, and what is submitted now queues behind it. */
    private static void awaitBatchWaitingForLock() {
        await().atMost(WAIT).until(() -> DB.owner().sql("""
                        select count(*) from pg_stat_activity where usename = 'linnet_app' and wait_event_type = 'Lock'""")
                .query(Integer.class).single() > 0);
    }

    private static List<SendBatches.Outcome> joinAll(java.util.Collection<CompletableFuture<SendBatches.Outcome>> futures)
            throws Exception {
        List<SendBatches.Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<SendBatches.Outcome> future : futures) {
            outcomes.add(future.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /** The transactions (PostgreSQL's xmin) that inserted the conversations' messages. */
    private static List<String> transactionsOf(AppRef app, ConversationId... conversations) {
        List<String> transactions = new ArrayList<>();
        for (ConversationId conversation : conversations) {
            transactions.addAll(DB.owner().sql("""
                            select distinct xmin::text from messages where tenant_id = ? and app_id = ? and conversation_id = ?""")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value())
                    .query(String.class).list());
        }
        return transactions.stream().distinct().toList();
    }

    /** How many of the conversation's messages each transaction inserted, in seq order. */
    private static List<Integer> transactionSizesBySeq(AppRef app, ConversationId conversation) {
        List<String> bySeq = DB.owner().sql("""
                        select xmin::text from messages where tenant_id = ? and app_id = ? and conversation_id = ? order by seq""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value())
                .query(String.class).list();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < bySeq.size(); i++) {
            if (i == 0 || !bySeq.get(i).equals(bySeq.get(i - 1))) {
                sizes.add(0);
            }
            sizes.set(sizes.size() - 1, sizes.getLast() + 1);
        }
        return sizes;
    }

    private static List<String> clientMsgIdsBySeq(AppRef app, ConversationId conversation) {
        List<Long> seqs = new ArrayList<>();
        List<String> ids = DB.owner().sql("""
                        select seq, client_msg_id from messages where tenant_id = ? and app_id = ? and conversation_id = ?
                         order by seq""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value())
                .query((rs, row) -> {
                    seqs.add(rs.getLong("seq"));
                    return rs.getString("client_msg_id");
                }).list();
        assertThat(seqs).as("gap-free from 1").containsExactlyElementsOf(
                IntStream.rangeClosed(1, seqs.size()).mapToObj(Long::valueOf).toList());
        return ids;
    }

    private static long lastSeq(AppRef app, ConversationId conversation) {
        return DB.owner().sql("select last_seq from conversations where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), conversation.value()).query(Long.class).single();
    }

    /** A conversation's row lock, held in a transaction of the test's own until closed. */
    private static final class HeldRow implements AutoCloseable {
        private final Connection connection;

        HeldRow(AppRef app, ConversationId conversation) throws SQLException {
            connection = DB.ownerConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "select 1 from conversations where tenant_id = ? and app_id = ? and id = ? for update")) {
                lock.setObject(1, app.tenantId().value());
                lock.setObject(2, app.appId().value());
                lock.setObject(3, conversation.value());
                lock.executeQuery().close();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    /**
     * The one-by-one path, as {@link MessageSender} has it in outline: each send in a transaction of its own,
     * a repeat answered with the stored original. It notes the clientMsgIds it was handed, in order.
     */
    private static final class StoresAlone implements SendBatches.OneByOne {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public SendBatches.Outcome store(AppRef app, ConversationId conversation, SubmittedMessage message) {
            received.add(message.clientMsgId());
            return DB.tenantDatabase().inTenant(app.tenantId(), () -> original(app, message)
                    .map(sent -> new SendBatches.Outcome(sent, Optional.empty()))
                    .orElseGet(() -> append(app, conversation, message)));
        }

        private static Optional<SendReceipt> original(AppRef app, SubmittedMessage message) {
            return DB.tenantDatabase().jdbc().sql("""
                            select id, seq, created_at from messages
                             where tenant_id = ? and app_id = ? and sender_id = ? and client_msg_id = ?""")
                    .params(app.tenantId().value(), app.appId().value(), message.senderId().value(), message.clientMsgId())
                    .query((rs, row) -> new SendReceipt(new MessageId(rs.getObject("id", UUID.class)), rs.getLong("seq"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), true))
                    .optional();
        }

        private static SendBatches.Outcome append(AppRef app, ConversationId conversation, SubmittedMessage message) {
            long seq = DB.tenantDatabase().jdbc().sql("""
                            update conversations set last_seq = last_seq + 1
                             where tenant_id = ? and app_id = ? and id = ? returning last_seq""")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value())
                    .query(Long.class).single();
            MessageId id = new MessageId(Ids.next());
            Instant createdAt = DB.tenantDatabase().jdbc().sql("""
                            insert into messages (tenant_id, app_id, conversation_id, seq, id, sender_id, client_msg_id, body)
                            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning created_at""")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value(), seq, id.value(),
                            message.senderId().value(), message.clientMsgId(),
                            CheckedBody.JSON.writeValueAsString(message.body().json()))
                    .query((rs, row) -> rs.getObject("created_at", OffsetDateTime.class).toInstant())
                    .single();
            return new SendBatches.Outcome(new SendReceipt(id, seq, createdAt, false), Optional.empty());
        }
    }
}
