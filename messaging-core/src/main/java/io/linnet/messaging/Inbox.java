package io.linnet.messaging;

import io.linnet.messaging.conversation.Conversation;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's side of their conversations, as their client sees it: the list by latest activity with
 * unread counts, read markers ("read up to seq") and read counts, the members a conversation's
 * live events go to, and the people a user talks to directly (whom their presence concerns).
 * Every call is on behalf of a user: a conversation they are not a member of is not found; only
 * {@link #type(AppRef, ConversationId)} is the app's view, for its moderators.
 */
@Service
public class Inbox {

    private final TenantDatabase database;

    public Inbox(TenantDatabase database) {
        this.database = database;
    }

    /**
     * One of a user's conversations: {@code unread} counts the messages after their read marker
     * (their own messages move the marker, so they never count).
     */
    public record Entry(ConversationId id, ConversationType type, String name, long lastSeq, long readSeq, long unread,
                        Instant lastActivityAt) {
    }

    /** A user's conversations, most recently active first, a page at a time. */
    public Page<Entry> conversations(AppRef app, UserId user, Page.Request page) {
        Optional<String[]> after = page.after().map(cursor -> cursor.split(",", 2));
        if (after.isPresent() && (after.get().length != 2 || !after.get()[0].matches("\\d{1,19}"))) {
            throw DomainException.invalid("cursor is not valid; pass the nextCursor of the previous page");
        }
        List<Entry> rows = database.inTenant(app.tenantId(), () -> {
            boolean exists = database.jdbc().sql("select count(*) from end_users where tenant_id = ? and app_id = ? and user_id = ?")
                    .params(app.tenantId().value(), app.appId().value(), user.value())
                    .query(Integer.class)
                    .single() > 0;
            if (!exists) {
                throw DomainException.notFound("User");
            }
            return database.jdbc().sql("""
                        select c.id, c.type, c.name, c.last_seq, m.read_seq,
                               coalesce(c.last_message_at, c.created_at) as activity
                          from conversation_members m
                          join conversations c on c.tenant_id = m.tenant_id and c.app_id = m.app_id and c.id = m.conversation_id
                         where m.tenant_id = :tenant and m.app_id = :app and m.user_id = :user
                           and (cast(:afterMicros as bigint) is null
                                or (coalesce(c.last_message_at, c.created_at), c.id)
                                   < (timestamptz 'epoch' + cast(:afterMicros as bigint) * interval '1 microsecond', cast(:afterId as uuid)))
                         order by activity desc, c.id desc
                         limit :limit""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("user", user.value())
                .param("afterMicros", after.map(parts -> Long.parseLong(parts[0])).orElse(null))
                .param("afterId", after.map(parts -> Page.Request.uuidKey(parts[1])).orElse(null))
                .param("limit", page.limit() + 1)
                .query((rs, row) -> {
                    long lastSeq = rs.getLong("last_seq");
                    long readSeq = rs.getLong("read_seq");
                    return new Entry(new ConversationId(rs.getObject("id", UUID.class)),
                            ConversationType.of(rs.getString("type")), rs.getString("name"), lastSeq, readSeq,
                            Math.max(0, lastSeq - readSeq), rs.getTimestamp("activity").toInstant());
                })
                .list();
        });
        return Page.of(rows, page.limit(), entry -> micros(entry.lastActivityAt()) + "," + entry.id());
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /**
     * Each user's unread messages across all their conversations (the sum of what {@link #conversations} counts),
     * in one query; a user in no conversation has 0. For a notification's badge.
     */
    public Map<UserId, Long> unreadTotals(AppRef app, Collection<UserId> users) {
        Map<UserId, Long> totals = new HashMap<>();
        users.forEach(user -> totals.put(user, 0L));
        if (users.isEmpty()) {
            return totals;
        }
        database.runInTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select m.user_id, coalesce(sum(greatest(c.last_seq - m.read_seq, 0)), 0) as unread
                          from conversation_members m
                          join conversations c on c.tenant_id = m.tenant_id and c.app_id = m.app_id and c.id = m.conversation_id
                         where m.tenant_id = :tenant and m.app_id = :app and m.user_id = any(cast(:users as text[]))
                         group by m.user_id""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("users", users.stream().map(UserId::value).distinct().toArray(String[]::new))
                .query(rs -> {
                    totals.put(new UserId(rs.getString("user_id")), rs.getLong("unread"));
                }));
        return totals;
    }

    /**
     * How a conversation is headed, e.g. in a notification's title: its kind and its name ({@code ""} when it has
     * none, as a direct conversation usually does).
     */
    public record Heading(ConversationType type, String name) {

        public Heading {
            Objects.requireNonNull(type, "type");
            name = name == null ? "" : name;
        }
    }

    /** The conversation's heading; empty when the app has no such conversation (any more). */
    public Optional<Heading> heading(AppRef app, ConversationId conversation) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select type, name from conversations where tenant_id = ? and app_id = ? and id = ?""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value())
                .query((rs, row) -> new Heading(ConversationType.of(rs.getString("type")), rs.getString("name")))
                .optional());
    }

    /** A read marker moved: who read up to which seq, and the conversation's kind and size. */
    public record ReadMarked(ConversationId conversationId, UserId reader, long seq, ConversationType type, int memberCount) {
    }

    /**
     * Moves the user's read marker forward to {@code seq}; empty when it was there already (markers
     * never move back). A seq past the conversation's last message is refused.
     */
    public Optional<ReadMarked> markRead(AppRef app, UserId user, ConversationId conversation, long seq) {
        if (seq < 1) {
            throw DomainException.invalid("seq must be 1 or more");
        }
        return database.inTenant(app.tenantId(), () -> {
            record Membership(String type, long lastSeq, long readSeq, int members) {
            }
            Membership membership = database.jdbc().sql("""
                            select c.type, c.last_seq, m.read_seq,
                                   (select count(*) from conversation_members a
                                     where a.tenant_id = c.tenant_id and a.app_id = c.app_id and a.conversation_id = c.id) as members
                              from conversation_members m
                              join conversations c on c.tenant_id = m.tenant_id and c.app_id = m.app_id and c.id = m.conversation_id
                             where m.tenant_id = ? and m.app_id = ? and m.conversation_id = ? and m.user_id = ?
                               for update of m""")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value(), user.value())
                    .query((rs, row) -> new Membership(rs.getString("type"), rs.getLong("last_seq"), rs.getLong("read_seq"),
                            rs.getInt("members")))
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Conversation"));
            if (seq > membership.lastSeq()) {
                throw DomainException.invalid("seq " + seq + " is past the conversation's last message (" + membership.lastSeq() + ")");
            }
            if (seq <= membership.readSeq()) {
                return Optional.empty();
            }
            database.jdbc().sql("""
                            update conversation_members set read_seq = ?
                             where tenant_id = ? and app_id = ? and conversation_id = ? and user_id = ?""")
                    .params(seq, app.tenantId().value(), app.appId().value(), conversation.value(), user.value())
                    .update();
            return Optional.of(new ReadMarked(conversation, user, seq, ConversationType.of(membership.type()),
                    membership.members()));
        });
    }

    /** How many of the members other than a message's sender have read it. */
    public record ReadCount(ConversationId conversationId, long seq, int readCount, int memberCount) {
    }

    public ReadCount readCount(AppRef app, UserId user, ConversationId conversation, long seq) {
        return database.inTenant(app.tenantId(), () -> {
            requireMember(app, user, conversation);
            String sender = database.jdbc().sql("""
                            select sender_id from messages where tenant_id = ? and app_id = ? and conversation_id = ? and seq = ?""")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value(), seq)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Message"));
            return database.jdbc().sql("""
                            select count(*) filter (where read_seq >= :seq) as read, count(*) as members
                              from conversation_members
                             where tenant_id = :tenant and app_id = :app and conversation_id = :conversation and user_id <> :sender""")
                    .param("seq", seq)
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("conversation", conversation.value())
                    .param("sender", sender)
                    .query((rs, row) -> new ReadCount(conversation, seq, rs.getInt("read"), rs.getInt("members")))
                    .single();
        });
    }

    /** The members of a conversation the user is in, at most {@code limit}; empty when there are more. */
    public Optional<List<UserId>> membersIfAtMost(AppRef app, UserId user, ConversationId conversation, int limit) {
        return database.inTenant(app.tenantId(), () -> {
            requireMember(app, user, conversation);
            List<UserId> members = members(app, conversation, limit + 1);
            return members.size() > limit ? Optional.empty() : Optional.of(members);
        });
    }

    /** The members of a conversation, for delivering its events (at most {@code limit}). */
    public List<UserId> members(AppRef app, ConversationId conversation, int limit) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select user_id from conversation_members
                         where tenant_id = ? and app_id = ? and conversation_id = ? order by user_id limit ?""")
                .params(app.tenantId().value(), app.appId().value(), conversation.value(), limit)
                .query((rs, row) -> new UserId(rs.getString(1)))
                .list());
    }

    /** The people {@code user} shares a direct conversation with (at most {@code limit}). */
    public List<UserId> directContacts(AppRef app, UserId user, int limit) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select case when c.direct_low = :user then c.direct_high else c.direct_low end
                          from conversation_members m
                          join conversations c on c.tenant_id = m.tenant_id and c.app_id = m.app_id and c.id = m.conversation_id
                         where m.tenant_id = :tenant and m.app_id = :app and m.user_id = :user and c.type = 'direct'
                         limit :limit""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("user", user.value())
                .param("limit", limit)
                .query((rs, row) -> new UserId(rs.getString(1)))
                .list());
    }

    /**
     * The type of a conversation the user is a member of; to anyone else (or for another app's) it is
     * not found. One look-up: moderation asks it of a send only when a rule or hook needs the type.
     */
    public ConversationType type(AppRef app, UserId member, ConversationId conversation) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select c.type from conversations c
                          join conversation_members m on m.tenant_id = c.tenant_id and m.app_id = c.app_id
                                                     and m.conversation_id = c.id and m.user_id = ?
                         where c.tenant_id = ? and c.app_id = ? and c.id = ?""")
                .params(member.value(), app.tenantId().value(), app.appId().value(), conversation.value())
                .query(String.class)
                .optional()
                .map(ConversationType::of)
                .orElseThrow(() -> DomainException.notFound("Conversation")));
    }

    /** The type of any conversation of the app, whoever its members; not found when the app has none by this id. */
    public ConversationType type(AppRef app, ConversationId conversation) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql(
                        "select type from conversations where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), conversation.value())
                .query(String.class)
                .optional()
                .map(ConversationType::of)
                .orElseThrow(() -> DomainException.notFound("Conversation")));
    }

    /** Refuses, as not found, a conversation the user is not a member of (or another app's). */
    public void requireMember(AppRef app, UserId user, ConversationId conversation) {
        database.runInTenant(app.tenantId(), () -> {
            boolean member = database.jdbc().sql("""
                            select count(*) from conversation_members
                             where tenant_id = ? and app_id = ? and conversation_id = ? and user_id = ?""")
                    .params(app.tenantId().value(), app.appId().value(), conversation.value(), user.value())
                    .query(Integer.class)
                    .single() > 0;
            if (!member) {
                throw DomainException.notFound("Conversation");
            }
        });
    }
}
