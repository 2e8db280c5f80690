package io.linnet.messaging.message;

import io.linnet.messaging.CheckedBody;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.Message;
import io.linnet.messaging.FailureKind;
import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * Group commit: the sends that arrive while a transaction is in flight are stored together in the
 * next one, so under load a commit (and its disk flush) is shared by many messages, and a batch
 * costs a handful of statements whatever its size. At low load a batch is one send and waits for
 * nothing. Each conversation belongs to one of a few workers (by its id), so a conversation's sends
 * keep their order, and no two batches ever lock the same conversation rows (no deadlocks). A batch
 * that fails for any reason is retried one send at a time, so one bad send never fails the others.
 */
final class SendBatches {

    private static final Logger log = LoggerFactory.getLogger(SendBatches.class);

    /** A send waiting for its batch, and how its caller learns the outcome. */
    record Pending(AppRef app, ConversationId conversation, SubmittedMessage message, CompletableFuture<Outcome> outcome) {
    }

    /** What a send came to: the sender's receipt, and the message to deliver and announce once committed (none for a repeat). */
    record Outcome(SendReceipt receipt, Optional<StoredForDelivery> stored) {
    }

    /** Stores one send in a transaction of its own: the path for fallbacks. */
    interface OneByOne {
        Outcome store(AppRef app, ConversationId conversation, SubmittedMessage message);
    }

    private final TenantDatabase database;
    private final OneByOne oneByOne;
    private final int maxBatch;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    SendBatches(TenantDatabase database, OneByOne oneByOne, int workers, int maxBatch) {
        this.database = database;
        this.oneByOne = oneByOne;
        this.maxBatch = maxBatch;
        for (int i = 0; i < workers; i++) {
            BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            this.workers.add(Thread.ofVirtual().name("send-batches-" + i).start(() -> work(queue)));
        }
    }

    CompletableFuture<Outcome> submit(AppRef app, ConversationId conversation, SubmittedMessage message) {
        Pending pending = new Pending(app, conversation, message, new CompletableFuture<>());
        if (!running) {
            pending.outcome().completeExceptionally(new IllegalStateException("Shutting down"));
            return pending.outcome();
        }
        queues.get(Math.floorMod(conversation.value().hashCode(), queues.size())).add(pending);
        return pending.outcome();
    }

    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
    }

    private void work(BlockingQueue<Pending> queue) {
        while (running) {
            List<Pending> batch = new ArrayList<>(maxBatch);
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopping) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            Map<TenantId, List<Pending>> byTenant = new LinkedHashMap<>();
            batch.forEach(pending -> byTenant.computeIfAbsent(pending.app().tenantId(), tenant -> new ArrayList<>()).add(pending));
            byTenant.forEach(this::store);
        }
        queue.forEach(pending -> pending.outcome().completeExceptionally(new IllegalStateException("Shutting down")));
    }

    /** Stores one tenant's share of a batch in one transaction, or one by one if that fails. */
    private void store(TenantId tenant, List<Pending> sends) {
        // a repeat of a send in the same batch waits for the batch, then finds the original
        Set<String> seen = new HashSet<>();
        List<Pending> batched = new ArrayList<>();
        List<Pending> afterwards = new ArrayList<>();
        for (Pending pending : sends) {
            boolean first = seen.add(pending.app().appId() + "/" + pending.message().senderId() + "/" + pending.message().clientMsgId());
            (first ? batched : afterwards).add(pending);
        }
        Map<Pending, Result> results;
        try {
            results = database.inTenant(tenant, () -> new Batch(tenant, batched).store());
        } catch (RuntimeException failed) {
            log.debug("A batch of {} sends failed ({}); storing them one by one", batched.size(), FailureKind.of(failed));
            afterwards.addAll(0, batched);
            results = Map.of();
        }
        results.forEach((pending, result) -> result.complete(pending.outcome()));
        for (Pending pending : afterwards) {
            try {
                pending.outcome().complete(oneByOne.store(pending.app(), pending.conversation(), pending.message()));
            } catch (RuntimeException refused) {
                pending.outcome().completeExceptionally(refused);
            }
        }
    }

    /** A send's fate within the batch: stored, a repeat of a stored one, or refused. */
    private record Result(Outcome outcome, RuntimeException refusal) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }

        static Result refused(RuntimeException refusal) {
            return new Result(null, refusal);
        }

        void complete(CompletableFuture<Outcome> future) {
            if (refusal != null) {
                future.completeExceptionally(refusal);
            } else {
                future.complete(outcome);
            }
        }
    }

    /** One transaction's work: check membership and read recipients, take seqs, insert with the outbox rows. */
    private final class Batch {
        private final TenantId tenant;
        private final List<Pending> sends;
        private final Map<Pending, Result> results = new LinkedHashMap<>();

        Batch(TenantId tenant, List<Pending> sends) {
            this.tenant = tenant;
            this.sends = sends;
        }

        /**
         * Three statements whatever the batch's size: the members of its conversations (which also
         * tells who may send), the seqs (and the conversations' types), and the insert together with
         * the messages' outbox rows and the senders' read markers. A
         * send that repeats a stored one makes the insert fail on the unique index; the whole batch
         * is then stored one by one, which answers the repeat with the original.
         */
        Map<Pending, Result> store() {
            Map<String, List<UserId>> membersOf = membersOf();
            List<Pending> members = new ArrayList<>();
            for (Pending pending : sends) {
                if (membersOf.getOrDefault(key(pending.app(), pending.conversation()), List.of())
                        .contains(pending.message().senderId())) {
                    members.add(pending);
                } else {
                    results.put(pending, Result.refused(DomainException.notFound("Conversation")));
                }
            }
            if (members.isEmpty()) {
                return results;
            }
            Seqs taken = takeSeqs(members);
            Map<String, Long> nextSeq = new HashMap<>(taken.first());
            int n = members.size();
            String[] apps = new String[n];
            String[] conversations = new String[n];
            Long[] seqs = new Long[n];
            String[] ids = new String[n];
            String[] senders = new String[n];
            String[] clientMsgIds = new String[n];
            String[] bodies = new String[n];
            int[] bodyBytes = new int[n];
            Map<String, Long> readUpTo = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Pending pending = members.get(i);
                String conversation = key(pending.app(), pending.conversation());
                long seq = nextSeq.merge(conversation, 1L, Long::sum) - 1;
                apps[i] = pending.app().appId().toString();
                conversations[i] = pending.conversation().toString();
                seqs[i] = seq;
                ids[i] = Ids.next().toString();
                senders[i] = pending.message().senderId().value();
                clientMsgIds[i] = pending.message().clientMsgId();
                bodies[i] = CheckedBody.JSON.writeValueAsString(pending.message().body().json());
                bodyBytes[i] = MessageSender.utf8Bytes(bodies[i]);
                readUpTo.merge(conversation + "/" + senders[i], seq, Math::max);
            }
            List<String[]> readers = readUpTo.keySet().stream().map(reader -> reader.split("/", 3)).toList();
            database.jdbc().sql("""
                            with stored as (
                                insert into messages (tenant_id, app_id, conversation_id, seq, id, sender_id, client_msg_id, body)
                                select :tenant, v.app, v.conversation, v.seq, v.id, v.sender, v.client_msg_id, cast(v.body as jsonb)
                                  from unnest(cast(:apps as uuid[]), cast(:conversations as uuid[]), cast(:seqs as bigint[]),
                                              cast(:ids as uuid[]), cast(:senders as text[]), cast(:clientMsgIds as text[]),
                                              cast(:bodies as text[])) as v(app, conversation, seq, id, sender, client_msg_id, body)),
                            announced as (
                                insert into message_sent_outbox (tenant_id, app_id, message_id)
                                select :tenant, v.app, v.id
                                  from unnest(cast(:apps as uuid[]), cast(:ids as uuid[])) as v(app, id))
                            update conversation_members m set read_seq = greatest(m.read_seq, r.seq)
                              from unnest(cast(:readerApps as uuid[]), cast(:readerConversations as uuid[]),
                                          cast(:readers as text[]), cast(:readSeqs as bigint[])) as r(app, conversation, reader, seq)
                             where m.tenant_id = :tenant and m.app_id = r.app and m.conversation_id = r.conversation
                               and m.user_id = r.reader""")
                    .param("tenant", tenant.value())
                    .param("apps", apps)
                    .param("conversations", conversations)
                    .param("seqs", seqs)
                    .param("ids", ids)
                    .param("senders", senders)
                    .param("clientMsgIds", clientMsgIds)
                    .param("bodies", bodies)
                    .param("readerApps", readers.stream().map(reader -> reader[0]).toArray(String[]::new))
                    .param("readerConversations", readers.stream().map(reader -> reader[1]).toArray(String[]::new))
                    .param("readers", readers.stream().map(reader -> reader[2]).toArray(String[]::new))
                    .param("readSeqs", readUpTo.values().toArray(Long[]::new))
                    .update();
            for (int i = 0; i < n; i++) {
                Pending pending = members.get(i);
                MessageId id = new MessageId(UUID.fromString(ids[i]));
                UserId sender = pending.message().senderId();
                List<UserId> recipients = membersOf.get(key(pending.app(), pending.conversation())).stream()
                        .filter(member -> !member.equals(sender))
                        .toList();
                Message stored = new Message(id, pending.conversation(), seqs[i], sender, pending.message().clientMsgId(),
                        pending.message().body().json(), taken.now(), null);
                ConversationType type = taken.types().get(key(pending.app(), pending.conversation()));
                results.put(pending, Result.of(new Outcome(new SendReceipt(id, seqs[i], taken.now(), false),
                        Optional.of(new StoredForDelivery(pending.app(), stored, type, recipients, bodyBytes[i])))));
            }
            return results;
        }

        /** The members of the batch's conversations, by conversation (another app's conversation has none). */
        private Map<String, List<UserId>> membersOf() {
            Map<String, Pending> conversations = new LinkedHashMap<>();
            sends.forEach(pending -> conversations.putIfAbsent(key(pending.app(), pending.conversation()), pending));
            Map<String, List<UserId>> membersOf = new HashMap<>();
            database.jdbc().sql("""
                            select m.app_id, m.conversation_id, array_agg(m.user_id order by m.user_id) as members
                              from unnest(cast(:apps as uuid[]), cast(:conversations as uuid[])) as k(app, conversation)
                              join conversation_members m on m.tenant_id = :tenant and m.app_id = k.app
                                                         and m.conversation_id = k.conversation
                             group by m.app_id, m.conversation_id""")
                    .param("tenant", tenant.value())
                    .param("apps", conversations.values().stream().map(pending -> pending.app().appId().toString()).toArray(String[]::new))
                    .param("conversations", conversations.values().stream().map(pending -> pending.conversation().toString())
                            .toArray(String[]::new))
                    .query(rs -> {
                        membersOf.put(rs.getString("app_id") + "/" + rs.getString("conversation_id"),
                                Stream.of((String[]) rs.getArray("members").getArray()).map(UserId::new).toList());
                    });
            return membersOf;
        }

        /** Each conversation's first new seq and its type, and the transaction's time (every message's sentAt). */
        private record Seqs(Map<String, Long> first, Map<String, ConversationType> types, Instant now) {
        }

        /** Moves each conversation's last_seq past its share of the batch. */
        private Seqs takeSeqs(List<Pending> members) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Pending> anyOf = new HashMap<>();
            for (Pending pending : members) {
                String conversation = key(pending.app(), pending.conversation());
                counts.merge(conversation, 1, Integer::sum);
                anyOf.putIfAbsent(conversation, pending);
            }
            Map<String, Long> first = new HashMap<>();
            Map<String, ConversationType> types = new HashMap<>();
            Instant[] now = new Instant[1];
            database.jdbc().sql("""
                            update conversations c set last_seq = c.last_seq + v.count, last_message_at = now()
                              from unnest(cast(:apps as uuid[]), cast(:conversations as uuid[]), cast(:counts as int[]))
                                   as v(app, conversation, count)
                             where c.tenant_id = :tenant and c.app_id = v.app and c.id = v.conversation
                            returning c.app_id, c.id, c.last_seq, c.type, v.count, now() as now""")
                    .param("tenant", tenant.value())
                    .param("apps", counts.keySet().stream().map(key -> anyOf.get(key).app().appId().toString()).toArray(String[]::new))
                    .param("conversations", counts.keySet().stream().map(key -> anyOf.get(key).conversation().toString())
                            .toArray(String[]::new))
                    .param("counts", counts.values().toArray(Integer[]::new))
                    .query(rs -> {
                        String conversation = rs.getString("app_id") + "/" + rs.getString("id");
                        first.put(conversation, rs.getLong("last_seq") - rs.getInt("count") + 1);
                        types.put(conversation, ConversationType.of(rs.getString("type")));
                        now[0] = rs.getObject("now", OffsetDateTime.class).toInstant();
                    });
            if (first.size() != counts.size()) {
                throw new IllegalStateException("A conversation of the batch vanished; storing one by one");
            }
            return new Seqs(first, types, now[0]);
        }
    }

    private static String key(AppRef app, ConversationId conversation) {
        return app.appId() + "/" + conversation;
    }
}
