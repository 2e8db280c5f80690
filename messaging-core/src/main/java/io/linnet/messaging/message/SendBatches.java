package io.linnet.messaging.message;

import io.linnet.messaging.AppRef;
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
    record Pending(AppRef app, ConversationId conversation, OutgoingMessage message, CompletableFuture<Outcome> outcome) {
    }

    /** What a send came to: the answer, and the event to publish once committed (none for a repeat). */
    record Outcome(SentMessage sent, Optional<MessageStored> stored) {
    }

    /** Stores one send in a transaction of its own: the path for fallbacks. */
    interface OneByOne {
        Outcome store(AppRef app, ConversationId conversation, OutgoingMessage message);
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

    CompletableFuture<Outcome> submit(AppRef app, ConversationId conversation, OutgoingMessage message) {
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
            log.debug("A batch of {} sends failed ({}); storing them one by one", batched.size(), failed.toString());
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

    /** One transaction's work: look for repeats, check membership, take seqs, insert, read recipients. */
    private final class Batch {
        private final TenantId tenant;
        private final List<Pending> sends;
        private final Map<Pending, Result> results = new LinkedHashMap<>();

        Batch(TenantId tenant, List<Pending> sends) {
            this.tenant = tenant;
            this.sends = sends;
        }

        Map<Pending, Result> store() {
            List<Pending> fresh = withoutRepeats();
            List<Pending> members = membersOnly(fresh);
            if (members.isEmpty()) {
                return results;
            }
            Map<String, Long> firstSeq = takeSeqs(members);
            Instant now = database.jdbc().sql("select now()").query(OffsetDateTime.class).single().toInstant();
            int n = members.size();
            String[] apps = new String[n];
            String[] conversations = new String[n];
            Long[] seqs = new Long[n];
            String[] ids = new String[n];
            String[] senders = new String[n];
            String[] clientMsgIds = new String[n];
            String[] bodies = new String[n];
            Map<String, Long> readUpTo = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Pending pending = members.get(i);
                String conversation = key(pending.app(), pending.conversation());
                long seq = firstSeq.merge(conversation, 1L, Long::sum) - 1;
                apps[i] = pending.app().appId().toString();
                conversations[i] = pending.conversation().toString();
                seqs[i] = seq;
                ids[i] = Ids.next().toString();
                senders[i] = pending.message().senderId().value();
                clientMsgIds[i] = pending.message().clientMsgId();
                bodies[i] = CheckedBody.JSON.writeValueAsString(pending.message().body().json());
                readUpTo.merge(conversation + "/" + senders[i], seq, Math::max);
            }
            database.jdbc().sql("""
                            insert into messages (tenant_id, app_id, conversation_id, seq, id, sender_id, client_msg_id, body)
                            select :tenant, v.app, v.conversation, v.seq, v.id, v.sender, v.client_msg_id, cast(v.body as jsonb)
                              from unnest(cast(:apps as uuid[]), cast(:conversations as uuid[]), cast(:seqs as bigint[]),
                                          cast(:ids as uuid[]), cast(:senders as text[]), cast(:clientMsgIds as text[]),
                                          cast(:bodies as text[])) as v(app, conversation, seq, id, sender, client_msg_id, body)""")
                    .param("tenant", tenant.value())
                    .param("apps", apps)
                    .param("conversations", conversations)
                    .param("seqs", seqs)
                    .param("ids", ids)
                    .param("senders", senders)
                    .param("clientMsgIds", clientMsgIds)
                    .param("bodies", bodies)
                    .update();
            markOwnMessagesRead(readUpTo);
            Map<String, List<UserId>> membersOf = membersOf(members);
            for (int i = 0; i < n; i++) {
                Pending pending = members.get(i);
                MessageId id = new MessageId(UUID.fromString(ids[i]));
                UserId sender = pending.message().senderId();
                List<UserId> recipients = membersOf.getOrDefault(key(pending.app(), pending.conversation()), List.of()).stream()
                        .filter(member -> !member.equals(sender))
                        .toList();
                Message stored = new Message(id, pending.conversation(), seqs[i], sender, pending.message().clientMsgId(),
                        pending.message().body().json(), now, null);
                results.put(pending, Result.of(new Outcome(new SentMessage(id, seqs[i], now, false),
                        Optional.of(new MessageStored(pending.app(), stored, recipients)))));
            }
            return results;
        }

        /** Sends already stored (retries) answer the original; in another conversation, they are a conflict. */
        private List<Pending> withoutRepeats() {
            record Stored(String conversation, SentMessage sent) {
            }
            Map<String, Stored> stored = new HashMap<>();
            database.jdbc().sql("""
                            select m.app_id, m.sender_id, m.client_msg_id, m.id, m.seq, m.created_at, m.conversation_id
                              from unnest(cast(:apps as uuid[]), cast(:senders as text[]), cast(:clientMsgIds as text[]))
                                   as k(app, sender, client_msg_id)
                              join messages m on m.tenant_id = :tenant and m.app_id = k.app
                                             and m.sender_id = k.sender and m.client_msg_id = k.client_msg_id""")
                    .param("tenant", tenant.value())
                    .param("apps", sends.stream().map(pending -> pending.app().appId().toString()).toArray(String[]::new))
                    .param("senders", sends.stream().map(pending -> pending.message().senderId().value()).toArray(String[]::new))
                    .param("clientMsgIds", sends.stream().map(pending -> pending.message().clientMsgId()).toArray(String[]::new))
                    .query(rs -> {
                        stored.put(rs.getString("app_id") + "/" + rs.getString("sender_id") + "/" + rs.getString("client_msg_id"),
                                new Stored(rs.getString("conversation_id"), new SentMessage(
                                        new MessageId(rs.getObject("id", UUID.class)), rs.getLong("seq"),
                                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), true)));
                    });
            List<Pending> fresh = new ArrayList<>();
            for (Pending pending : sends) {
                Stored original = stored.get(pending.app().appId() + "/" + pending.message().senderId() + "/"
                        + pending.message().clientMsgId());
                if (original == null) {
                    fresh.add(pending);
                } else if (!original.conversation().equals(pending.conversation().toString())) {
                    results.put(pending, Result.refused(DomainException.conflict(
                            "This clientMsgId was already used by this sender in another conversation")));
                } else {
                    results.put(pending, Result.of(new Outcome(original.sent(), Optional.empty())));
                }
            }
            return fresh;
        }

        /** A sender who is not a member of the conversation (or another app's) does not find it. */
        private List<Pending> membersOnly(List<Pending> fresh) {
            if (fresh.isEmpty()) {
                return fresh;
            }
            Set<Long> members = new HashSet<>(database.jdbc().sql("""
                            select k.i from unnest(cast(:apps as uuid[]), cast(:conversations as uuid[]), cast(:senders as text[]))
                                   with ordinality as k(app, conversation, sender, i)
                             where exists (select 1 from conversation_members m
                                            where m.tenant_id = :tenant and m.app_id = k.app
                                              and m.conversation_id = k.conversation and m.user_id = k.sender)""")
                    .param("tenant", tenant.value())
                    .param("apps", fresh.stream().map(pending -> pending.app().appId().toString()).toArray(String[]::new))
                    .param("conversations", fresh.stream().map(pending -> pending.conversation().toString()).toArray(String[]::new))
                    .param("senders", fresh.stream().map(pending -> pending.message().senderId().value()).toArray(String[]::new))
                    .query(Long.class)
                    .list());
            List<Pending> accepted = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                if (members.contains(i + 1L)) {
                    accepted.add(fresh.get(i));
                } else {
                    results.put(fresh.get(i), Result.refused(DomainException.notFound("Conversation")));
                }
            }
            return accepted;
        }

        /** Moves each conversation's last_seq past its share of the batch; answers each one's first new seq. */
        private Map<String, Long> takeSeqs(List<Pending> members) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Pending> anyOf = new HashMap<>();
            for (Pending pending : members) {
                String conversation = key(pending.app(), pending.conversation());
                counts.merge(conversation, 1, Integer::sum);
                anyOf.putIfAbsent(conversation, pending);
            }
            Map<String, Long> first = new HashMap<>();
            database.jdbc().sql("""
                            update conversations c set last_seq = c.last_seq + v.count, last_message_at = now()
                              from unnest(cast(:apps as uuid[]), cast(:conversations as uuid[]), cast(:counts as int[]))
                                   as v(app, conversation, count)
                             where c.tenant_id = :tenant and c.app_id = v.app and c.id = v.conversation
                            returning c.app_id, c.id, c.last_seq, v.count""")
                    .param("tenant", tenant.value())
                    .param("apps", counts.keySet().stream().map(key -> anyOf.get(key).app().appId().toString()).toArray(String[]::new))
                    .param("conversations", counts.keySet().stream().map(key -> anyOf.get(key).conversation().toString())
                            .toArray(String[]::new))
                    .param("counts", counts.values().toArray(Integer[]::new))
                    .query(rs -> {
                        first.put(rs.getString("app_id") + "/" + rs.getString("id"), rs.getLong("last_seq") - rs.getInt("count") + 1);
                    });
            if (first.size() != counts.size()) {
                throw new IllegalStateException("A conversation of the batch vanished; storing one by one");
            }
            return first;
        }

        private void markOwnMessagesRead(Map<String, Long> readUpTo) {
            List<String[]> parts = readUpTo.keySet().stream().map(key -> key.split("/", 3)).toList();
            database.jdbc().sql("""
                            update conversation_members m set read_seq = greatest(m.read_seq, v.seq)
                              from unnest(cast(:apps as uuid[]), cast(:conversations as uuid[]), cast(:senders as text[]),
                                          cast(:seqs as bigint[])) as v(app, conversation, sender, seq)
                             where m.tenant_id = :tenant and m.app_id = v.app and m.conversation_id = v.conversation
                               and m.user_id = v.sender""")
                    .param("tenant", tenant.value())
                    .param("apps", parts.stream().map(part -> part[0]).toArray(String[]::new))
                    .param("conversations", parts.stream().map(part -> part[1]).toArray(String[]::new))
                    .param("senders", parts.stream().map(part -> part[2]).toArray(String[]::new))
                    .param("seqs", readUpTo.values().toArray(Long[]::new))
                    .update();
        }

        private Map<String, List<UserId>> membersOf(List<Pending> members) {
            Map<String, Pending> conversations = new LinkedHashMap<>();
            members.forEach(pending -> conversations.putIfAbsent(key(pending.app(), pending.conversation()), pending));
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
    }

    private static String key(AppRef app, ConversationId conversation) {
        return app.appId() + "/" + conversation;
    }
}
