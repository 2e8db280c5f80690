package io.linnet.messaging.message;

import io.linnet.messaging.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores messages. One transaction takes the conversation's next seq (the UPDATE's row lock
 * orders concurrent senders, so seqs are gap-free and never shared) and inserts the message; a
 * send whose (sender, clientMsgId) was already stored answers the original's id and seq instead,
 * also when two copies race. {@link MessageSent} is published after the commit.
 */
@Service
public class MessageSender {

    private final TenantDatabase database;
    private final ApplicationEventPublisher events;

    public MessageSender(TenantDatabase database, ApplicationEventPublisher events) {
        this.database = database;
        this.events = events;
    }

    /**
     * Sends {@code message} to a conversation the sender is a member of; to anyone else the
     * conversation is not found.
     */
    public SentMessage send(AppRef app, ConversationId conversation, OutgoingMessage message) {
        try {
            return database.inTenant(app.tenantId(), () -> original(app, conversation, message)
                    .orElseGet(() -> append(app, conversation, message)));
        } catch (DuplicateKeyException raced) {
            // a copy of this send committed while ours waited; ours rolled back, seq included
            return database.inTenant(app.tenantId(), () -> original(app, conversation, message).orElseThrow(() -> raced));
        }
    }

    private Optional<SentMessage> original(AppRef app, ConversationId conversation, OutgoingMessage message) {
        record Stored(SentMessage sent, UUID conversation) {
        }
        return database.jdbc().sql("""
                        select id, seq, created_at, conversation_id from messages
                         where tenant_id = ? and app_id = ? and sender_id = ? and client_msg_id = ?""")
                .params(app.tenantId().value(), app.appId().value(), message.senderId().value(), message.clientMsgId())
                .query((rs, row) -> new Stored(new SentMessage(new MessageId(rs.getObject("id", UUID.class)), rs.getLong("seq"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), true),
                        rs.getObject("conversation_id", UUID.class)))
                .optional()
                .map(stored -> {
                    if (!stored.conversation().equals(conversation.value())) {
                        throw DomainException.conflict("This clientMsgId was already used by this sender in another conversation");
                    }
                    return stored.sent();
                });
    }

    private SentMessage append(AppRef app, ConversationId conversation, OutgoingMessage message) {
        long seq = database.jdbc().sql("""
                        update conversations c set last_seq = last_seq + 1
                         where c.tenant_id = :tenant and c.app_id = :app and c.id = :conversation
                           and exists (select 1 from conversation_members m
                                        where m.tenant_id = c.tenant_id and m.app_id = c.app_id
                                          and m.conversation_id = c.id and m.user_id = :sender)
                        returning last_seq""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("conversation", conversation.value())
                .param("sender", message.senderId().value())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Conversation"));
        message.body().replyTo().ifPresent(replyTo -> requireInConversation(app, conversation, replyTo));
        MessageId id = new MessageId(Ids.next());
        OffsetDateTime createdAt = database.jdbc().sql("""
                        insert into messages (tenant_id, app_id, conversation_id, seq, id, sender_id, client_msg_id, body)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        returning created_at""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value(), seq, id.value(),
                        message.senderId().value(), message.clientMsgId(), CheckedBody.JSON.writeValueAsString(message.body().json()))
                .query(OffsetDateTime.class)
                .single();
        List<UserId> recipients = database.jdbc().sql("""
                        select user_id from conversation_members
                         where tenant_id = ? and app_id = ? and conversation_id = ? and user_id <> ?
                         order by user_id""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value(), message.senderId().value())
                .query((rs, row) -> new UserId(rs.getString(1)))
                .list();
        AfterCommit.publish(events, new MessageSent(app.tenantId(), app.appId(), conversation, id, seq,
                message.senderId(), recipients, createdAt.toInstant()));
        return new SentMessage(id, seq, createdAt.toInstant(), false);
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
