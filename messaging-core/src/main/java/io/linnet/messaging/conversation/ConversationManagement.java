package io.linnet.messaging.conversation;

import io.linnet.messaging.ConversationType;
import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An app's conversations: create them (a direct conversation between the same two users is
 * created once, whoever asks first), read them with their members, and change a group's members.
 * Another app's conversation is not found.
 */
@Service
public class ConversationManagement {

    private static final String COLUMNS = "id, type, name, member_limit, last_seq, created_at";

    private final TenantDatabase database;

    public ConversationManagement(TenantDatabase database) {
        this.database = database;
    }

    /** A conversation after {@link #create}, and whether the call created it (false: the existing direct one). */
    public record Created(Conversation conversation, boolean created) {
    }

    public Created create(AppRef app, NewConversation request) {
        if (request.type() == ConversationType.DIRECT) {
            try {
                return database.inTenant(app.tenantId(), () -> existingDirect(app, request)
                        .map(id -> new Created(rejoin(app, id, request.members()), false))
                        .orElseGet(() -> new Created(insert(app, request), true)));
            } catch (DuplicateKeyException raced) {
                // another request created the same pair between our look-up and our insert: answer theirs
                return database.inTenant(app.tenantId(), () -> new Created(find(app, existingDirect(app, request)
                        .orElseThrow(() -> raced)), false));
            }
        }
        return database.inTenant(app.tenantId(), () -> new Created(insert(app, request), true));
    }

    public Conversation get(AppRef app, ConversationId id) {
        return database.inTenant(app.tenantId(), () -> find(app, id));
    }

    /** A conversation's members by user id, a page at a time (a group may have thousands). */
    public Page<ConversationMember> members(AppRef app, ConversationId id, Page.Request page) {
        return database.inTenant(app.tenantId(), () -> {
            find(app, id, false);
            List<ConversationMember> rows = database.jdbc().sql("""
                            select user_id, role, joined_at, read_seq from conversation_members
                             where tenant_id = ? and app_id = ? and conversation_id = ? and user_id > ?
                             order by user_id limit ?""")
                    .params(app.tenantId().value(), app.appId().value(), id.value(), page.after().orElse(""), page.limit() + 1)
                    .query(ConversationManagement::member)
                    .list();
            return Page.of(rows, page.limit(), member -> member.userId().value());
        });
    }

    /** Adds users to a group (members already in it keep their role), within its member limit. */
    public Conversation addMembers(AppRef app, ConversationId id, List<UserId> members, MemberRole role) {
        return database.inTenant(app.tenantId(), () -> {
            int limit = lockGroup(app, id);
            requireUsers(app, members);
            database.jdbc().sql("""
                            insert into conversation_members (tenant_id, app_id, conversation_id, user_id, role)
                            select :tenant, :app, :conversation, member, :role from unnest(cast(:members as text[])) member
                            on conflict do nothing""")
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("conversation", id.value())
                    .param("role", role.wireName())
                    .param("members", ids(members))
                    .update();
            Conversation conversation = find(app, id);
            if (conversation.members().size() > limit) {
                throw DomainException.conflict("The group would have more than its limit of " + limit + " members");
            }
            return conversation;
        });
    }

    /** Removes users from a group; users who are not members are ignored. */
    public Conversation removeMembers(AppRef app, ConversationId id, List<UserId> members) {
        return database.inTenant(app.tenantId(), () -> {
            lockGroup(app, id);
            database.jdbc().sql("""
                            delete from conversation_members
                             where tenant_id = :tenant and app_id = :app and conversation_id = :conversation
                               and user_id = any(cast(:members as text[]))""")
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("conversation", id.value())
                    .param("members", ids(members))
                    .update();
            return find(app, id);
        });
    }

    private Optional<ConversationId> existingDirect(AppRef app, NewConversation request) {
        Pair pair = Pair.of(request.members());
        return database.jdbc().sql("""
                        select id from conversations
                         where tenant_id = ? and app_id = ? and type = 'direct' and direct_low = ? and direct_high = ?""")
                .params(app.tenantId().value(), app.appId().value(), pair.low(), pair.high())
                .query((rs, row) -> new ConversationId(rs.getObject("id", UUID.class)))
                .optional();
    }

    /**
     * Answers an existing direct conversation with both of its members. Deleting a user drops their
     * memberships; when the developer creates that user again and asks for the pair, the pair's one
     * conversation (and its history) is theirs again rather than a second one.
     */
    private Conversation rejoin(AppRef app, ConversationId id, List<UserId> members) {
        requireUsers(app, members);
        database.jdbc().sql("""
                        insert into conversation_members (tenant_id, app_id, conversation_id, user_id, role)
                        select :tenant, :app, :conversation, member, 'member' from unnest(cast(:members as text[])) member
                        on conflict do nothing""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("conversation", id.value())
                .param("members", ids(members))
                .update();
        return find(app, id);
    }

    private Conversation insert(AppRef app, NewConversation request) {
        requireUsers(app, request.members());
        ConversationId id = new ConversationId(Ids.next());
        Pair pair = request.type() == ConversationType.DIRECT ? Pair.of(request.members()) : new Pair(null, null);
        database.jdbc().sql("""
                        insert into conversations (tenant_id, app_id, id, type, name, member_limit, direct_low, direct_high)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(app.tenantId().value(), app.appId().value(), id.value(), request.type().wireName(),
                        request.name().orElse(null), request.memberLimit(), pair.low(), pair.high())
                .update();
        database.jdbc().sql("""
                        insert into conversation_members (tenant_id, app_id, conversation_id, user_id, role)
                        select :tenant, :app, :conversation, member,
                               case when member = :owner then 'owner' else 'member' end
                          from unnest(cast(:members as text[])) member""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("conversation", id.value())
                .param("owner", request.owner().map(UserId::value).orElse(null))
                .param("members", ids(request.members()))
                .update();
        return find(app, id);
    }

    /** Locks a group's row, so concurrent member changes count against its limit one at a time. */
    private int lockGroup(AppRef app, ConversationId id) {
        record Locked(String type, int limit) {
        }
        Locked locked = database.jdbc().sql("""
                        select type, member_limit from conversations
                         where tenant_id = ? and app_id = ? and id = ? for update""")
                .params(app.tenantId().value(), app.appId().value(), id.value())
                .query((rs, row) -> new Locked(rs.getString("type"), rs.getInt("member_limit")))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Conversation"));
        if (!locked.type().equals(ConversationType.GROUP.wireName())) {
            throw DomainException.invalid("The members of a direct conversation cannot change");
        }
        return locked.limit();
    }

    /** Refuses users the app does not have; another app's users count as missing. */
    private void requireUsers(AppRef app, List<UserId> members) {
        Set<String> found = new HashSet<>(database.jdbc().sql("""
                        select user_id from end_users
                         where tenant_id = ? and app_id = ? and user_id = any(cast(? as text[]))""")
                .params(app.tenantId().value(), app.appId().value(), ids(members))
                .query(String.class)
                .list());
        List<String> missing = members.stream().map(UserId::value).filter(member -> !found.contains(member)).toList();
        if (!missing.isEmpty()) {
            String named = String.join(", ", missing.subList(0, Math.min(10, missing.size())));
            String more = missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "";
            throw DomainException.invalid("No such users in this app: " + named + more);
        }
    }

    private Conversation find(AppRef app, ConversationId id) {
        return find(app, id, true);
    }

    private Conversation find(AppRef app, ConversationId id, boolean withMembers) {
        List<ConversationMember> members = !withMembers ? List.of() : database.jdbc().sql("""
                        select user_id, role, joined_at, read_seq from conversation_members
                         where tenant_id = ? and app_id = ? and conversation_id = ?
                         order by joined_at, user_id""")
                .params(app.tenantId().value(), app.appId().value(), id.value())
                .query(ConversationManagement::member)
                .list();
        return database.jdbc().sql("select " + COLUMNS + " from conversations where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), id.value())
                .query((rs, row) -> conversation(rs, members))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Conversation"));
    }

    private static ConversationMember member(ResultSet rs, int row) throws SQLException {
        return new ConversationMember(new UserId(rs.getString("user_id")), MemberRole.of(rs.getString("role")),
                rs.getTimestamp("joined_at").toInstant(), rs.getLong("read_seq"));
    }

    private static Conversation conversation(ResultSet rs, List<ConversationMember> members) throws SQLException {
        return new Conversation(new ConversationId(rs.getObject("id", UUID.class)), ConversationType.of(rs.getString("type")),
                rs.getString("name"), rs.getInt("member_limit"), rs.getLong("last_seq"),
                rs.getTimestamp("created_at").toInstant(), members);
    }

    private static String[] ids(List<UserId> users) {
        return users.stream().map(UserId::value).toArray(String[]::new);
    }

    /** A direct conversation's two members in a fixed order, so (a, b) and (b, a) are one key. */
    private record Pair(String low, String high) {
        static Pair of(List<UserId> members) {
            String a = members.get(0).value();
            String b = members.get(1).value();
            return a.compareTo(b) < 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }
}
