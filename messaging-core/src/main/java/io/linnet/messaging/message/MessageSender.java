package io.linnet.messaging.message;

import io.linnet.messaging.CheckedBody;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.FailureKind;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.SendAllowance;
import io.linnet.messaging.SendScreen;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.Message;
import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.database.TenantDatabase;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Stores messages. One transaction takes the conversation's next seq (the UPDATE's row lock
 * orders concurrent senders, so seqs are gap-free, never shared, and commit in seq order) and
 * inserts the message; a send whose (sender, clientMsgId) was already stored answers the
 * original's id and seq instead, also when two copies race. The common case costs two statements:
 * no look-up precedes the insert, because the unique index finds a repeat by refusing it. Under
 * load, sends share transactions ({@link SendBatches}: group commit).
 *
 * <p>After the commit a newly stored message goes to the devices connected now ({@link LiveDelivery},
 * which says who had none), and then {@link MessageSent} is announced with them as the offline
 * recipients, at least once: the storing statement also wrote the message's row in the
 * {@link MessageSentOutbox}.
 */
@Service
public class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final TenantDatabase database;
    private final MessageSentOutbox outbox;
    private final SendBatches batches;
    private final SendScreen screen;
    private final LiveDelivery delivery;
    private final SendAllowance allowance;

    public MessageSender(TenantDatabase database, MessageSentOutbox outbox, MessagingSettings settings,
                         ObjectProvider<SendScreen> screen, ObjectProvider<LiveDelivery> delivery,
                         ObjectProvider<SendAllowance> allowance) {
        this.allowance = allowance.getIfAvailable(() -> SendAllowance.NONE);
        this.database = database;
        this.outbox = outbox;
        this.screen = screen.getIfAvailable(() -> SendScreen.NONE);
        this.delivery = delivery.getIfAvailable(() -> LiveDelivery.NONE);
        this.batches = new SendBatches(database, this::storeAlone, settings.sendWorkers(), settings.sendBatchSize());
    }

    @PreDestroy
    void stop() {
        batches.stop();
    }

    /**
     * Sends {@code message} to a conversation the sender is a member of; to anyone else the
     * conversation is not found. The app's moderation ({@link SendScreen}) sees it first and may
     * refuse or rewrite it, after the tenant's plan admitted it ({@link SendAllowance}). Returns once the
     * message is committed.
     */
    public SendReceipt send(AppRef app, ConversationId conversation, SubmittedMessage submitted) {
        SendAllowance.Admission admission = allowance.admit(app, submitted.senderId());
        boolean stored = false;
        try {
            SendReceipt receipt = screenAndStore(app, conversation, submitted);
            stored = !receipt.repeated();
            return receipt;
        } finally {
            if (!stored) {
                admission.notStored();
            }
        }
    }

    private SendReceipt screenAndStore(AppRef app, ConversationId conversation, SubmittedMessage submitted) {
        SendScreen.Screening screening = screen.screen(app, conversation, submitted);
        SubmittedMessage message = screening.message();
        SendBatches.Outcome outcome;
        if (message.body().replyTo().isPresent()) {
            outcome = storeAlone(app, conversation, message);
        } else {
            try {
                outcome = batches.submit(app, conversation, message).join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failed;
            }
        }
        outcome.stored().ifPresent(stored -> {
            deliverAndAnnounce(stored);
            screening.stored(stored.message());
        });
        return outcome.receipt();
    }

    /**
     * To the devices connected now, then {@link MessageSent} naming the recipients who had none. If
     * delivery fails, every recipient counts as offline: a push too many rather than one too few.
     */
    private void deliverAndAnnounce(StoredForDelivery stored) {
        List<UserId> offline = stored.recipientIds();
        try {
            Set<UserId> unreachable = delivery.deliver(stored.app(), stored.message(), stored.recipientIds());
            offline = stored.recipientIds().stream().filter(unreachable::contains).toList();
        } catch (RuntimeException failed) {
            log.warn("Delivering message {} of app {} failed: {}", stored.message().messageId(), stored.app().appId(),
                    FailureKind.of(failed));
        }
        outbox.announce(stored.sent(offline));
    }

    /** One send in a transaction of its own: for replies (their quote is checked) and when a batch failed. */
    private SendBatches.Outcome storeAlone(AppRef app, ConversationId conversation, SubmittedMessage message) {
        try {
            return database.inTenant(app.tenantId(), () -> append(app, conversation, message));
        } catch (DuplicateKeyException repeated) {
            // this (sender, clientMsgId) is stored already: ours rolled back, its seq included
            return new SendBatches.Outcome(database.inTenant(app.tenantId(),
                    () -> original(app, conversation, message).orElseThrow(() -> repeated)), Optional.empty());
        }
    }

    private Optional<SendReceipt> original(AppRef app, ConversationId conversation, SubmittedMessage message) {
        record Stored(SendReceipt receipt, UUID conversation) {
        }
        return database.jdbc().sql("""
                        select id, seq, created_at, conversation_id from messages
                         where tenant_id = ? and app_id = ? and sender_id = ? and client_msg_id = ?""")
                .params(app.tenantId().value(), app.appId().value(), message.senderId().value(), message.clientMsgId())
                .query((rs, row) -> new Stored(new SendReceipt(new MessageId(rs.getObject("id", UUID.class)), rs.getLong("seq"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), true),
                        rs.getObject("conversation_id", UUID.class)))
                .optional()
                .map(stored -> {
                    if (!stored.conversation().equals(conversation.value())) {
                        throw DomainException.conflict("This clientMsgId was already used by this sender in another conversation");
                    }
                    return stored.receipt();
                });
    }

    private SendBatches.Outcome append(AppRef app, ConversationId conversation, SubmittedMessage message) {
        // the seq, the conversation's activity time and the sender's read marker (their own
        // messages are never unread to them) in one statement
        record Next(long seq, ConversationType type) {
        }
        Optional<Next> next = database.jdbc().sql("""
                        with next as (
                            update conversations c set last_seq = last_seq + 1, last_message_at = now()
                             where c.tenant_id = :tenant and c.app_id = :app and c.id = :conversation
                               and exists (select 1 from conversation_members m
                                            where m.tenant_id = c.tenant_id and m.app_id = c.app_id
                                              and m.conversation_id = c.id and m.user_id = :sender)
                            returning last_seq, type),
                        read as (
                            update conversation_members m set read_seq = next.last_seq from next
                             where m.tenant_id = :tenant and m.app_id = :app and m.conversation_id = :conversation
                               and m.user_id = :sender)
                        select last_seq, type from next""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("conversation", conversation.value())
                .param("sender", message.senderId().value())
                .query((rs, row) -> new Next(rs.getLong("last_seq"), ConversationType.of(rs.getString("type"))))
                .optional();
        if (next.isEmpty()) {
            // not (or no longer) a member; a retry of a send stored while they were still answers it
            return new SendBatches.Outcome(original(app, conversation, message)
                    .orElseThrow(() -> DomainException.notFound("Conversation")), Optional.empty());
        }
        long seq = next.get().seq();
        message.body().replyTo().ifPresent(replyTo -> requireInConversation(app, conversation, replyTo));
        MessageId id = new MessageId(Ids.next());
        record Inserted(Instant createdAt, List<UserId> recipients) {
        }
        String body = CheckedBody.JSON.writeValueAsString(message.body().json());
        // the outbox row commits with the message, in the same statement (see MessageSentOutbox)
        Inserted inserted = database.jdbc().sql("""
                        with announced as (
                            insert into message_sent_outbox (tenant_id, app_id, message_id) values (:tenant, :app, :id))
                        insert into messages (tenant_id, app_id, conversation_id, seq, id, sender_id, client_msg_id, body)
                        values (:tenant, :app, :conversation, :seq, :id, :sender, :clientMsgId, cast(:body as jsonb))
                        returning created_at,
                                  (select coalesce(array_agg(user_id order by user_id), '{}') from conversation_members
                                    where tenant_id = :tenant and app_id = :app and conversation_id = :conversation
                                      and user_id <> :sender) as recipients""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("conversation", conversation.value())
                .param("seq", seq)
                .param("id", id.value())
                .param("sender", message.senderId().value())
                .param("clientMsgId", message.clientMsgId())
                .param("body", body)
                .query((rs, row) -> new Inserted(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Stream.of((String[]) rs.getArray("recipients").getArray()).map(UserId::new).toList()))
                .single();
        Message stored = new Message(id, conversation, seq, message.senderId(), message.clientMsgId(),
                message.body().json(), inserted.createdAt(), null);
        return new SendBatches.Outcome(new SendReceipt(id, seq, inserted.createdAt(), false),
                Optional.of(new StoredForDelivery(app, stored, next.get().type(), inserted.recipients(), utf8Bytes(body))));
    }

    static int utf8Bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    private void requireInConversation(AppRef app, ConversationId conversation, MessageId replyTo) {
        boolean found = database.jdbc().sql("""
                        select count(*) from messages where tenant_id = ? and app_id = ? and conversation_id = ? and id = ?""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value(), replyTo.value())
                .query(Integer.class)
                .single() > 0;
        if (!found) {
            throw DomainException.invalid("body.replyTo must be the messageId of a message of this conversation");
        }
    }
}
