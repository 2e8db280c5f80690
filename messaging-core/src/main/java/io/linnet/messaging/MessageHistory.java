package io.linnet.messaging;

import io.linnet.messaging.message.MessageRows;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A conversation's history by seq, read in either direction: forward from {@code afterSeq} (what
 * a reconnecting client missed), or backward from {@code beforeSeq}, or from the latest message
 * (scrolling up). Either way the page lists messages in ascending seq.
 */
@Service
public class MessageHistory {

    private final TenantDatabase database;

    public MessageHistory(TenantDatabase database) {
        this.database = database;
    }

    public HistoryPage read(AppRef app, ConversationId conversation, Optional<Long> afterSeq, Optional<Long> beforeSeq,
                            int limit) {
        return read(app, Optional.empty(), conversation, afterSeq, beforeSeq, limit);
    }

    /** What a member missed: the messages after {@code afterSeq}, for their client's sync. */
    public HistoryPage readAsMember(AppRef app, UserId member, ConversationId conversation, long afterSeq, int limit) {
        return read(app, Optional.of(member), conversation, Optional.of(afterSeq), Optional.empty(), limit);
    }

    private HistoryPage read(AppRef app, Optional<UserId> member, ConversationId conversation, Optional<Long> afterSeq,
                             Optional<Long> beforeSeq, int limit) {
        if (afterSeq.orElse(0L) < 0 || beforeSeq.orElse(1L) < 1) {
            throw DomainException.invalid("afterSeq must be 0 or more, and beforeSeq 1 or more");
        }
        return database.inTenant(app.tenantId(), () -> {
            int conversations = member.isEmpty()
                    ? database.jdbc().sql("select count(*) from conversations where tenant_id = ? and app_id = ? and id = ?")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value())
                    .query(Integer.class)
                    .single()
                    : database.jdbc().sql("select count(*) from conversation_members"
                            + " where tenant_id = ? and app_id = ? and conversation_id = ? and user_id = ?")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value(), member.get().value())
                    .query(Integer.class)
                    .single();
            if (conversations == 0) {
                throw DomainException.notFound("Conversation");
            }
            boolean forward = afterSeq.isPresent();
            List<Message> rows = database.jdbc().sql("""
                            select %s from messages
                             where tenant_id = :tenant and app_id = :app and conversation_id = :conversation
                               and seq > :after and seq < :before
                             order by seq %s
                             limit :limit""".formatted(MessageRows.COLUMNS, forward ? "asc" : "desc"))
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("conversation", conversation.value())
                    .param("after", afterSeq.orElse(0L))
                    .param("before", beforeSeq.orElse(Long.MAX_VALUE))
                    .param("limit", limit + 1)
                    .query(MessageRows::message)
                    .list();
            boolean hasMore = rows.size() > limit;
            List<Message> items = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
            if (!forward) {
                Collections.reverse(items);
            }
            return new HistoryPage(items, hasMore);
        });
    }

    /** One message of the app by its id, wherever it is. */
    public Optional<Message> find(AppRef app, MessageId id) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql(
                        "select " + MessageRows.COLUMNS + " from messages where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), id.value())
                .query(MessageRows::message)
                .optional());
    }

    /** The messages of the app among {@code ids}, by id; an id with no message is left out. */
    public Map<MessageId, Message> find(AppRef app, Collection<MessageId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql(
                        "select " + MessageRows.COLUMNS + " from messages where tenant_id = ? and app_id = ? and id = any(?)")
                .params(app.tenantId().value(), app.appId().value(), ids.stream().map(MessageId::value).toArray(UUID[]::new))
                .query(MessageRows::message)
                .list()
                .stream()
                .collect(Collectors.toMap(Message::messageId, Function.identity())));
    }

    /**
     * The highest seq below {@code beforeSeq} of a message sent more than {@code age} ago (0 if
     * none): for the gateway, which counts such messages as delivered when it starts watching a
     * conversation again.
     */
    public long lastSettledSeq(AppRef app, ConversationId conversation, long beforeSeq, Duration age) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select coalesce(max(seq), 0) from messages
                         where tenant_id = ? and app_id = ? and conversation_id = ? and seq < ?
                           and created_at < now() - ? * interval '1 millisecond'""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value(), beforeSeq, age.toMillis())
                .query(Long.class)
                .single());
    }
}
