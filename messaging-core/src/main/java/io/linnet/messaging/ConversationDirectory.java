package io.linnet.messaging;

import io.linnet.messaging.conversation.ConversationManagement;
import io.linnet.messaging.conversation.ConversationMember;
import io.linnet.messaging.conversation.MemberRole;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An app's conversations as a directory to look things up in (the developer API's search and the
 * console's data explorer): find them by id, name or member, read one's summary and its members, and
 * change a group's members. Another app's conversation is not found.
 */
@Service
public class ConversationDirectory {

    private static final String SUMMARY = """
            select c.id, c.type, c.name, c.last_seq, c.created_at, coalesce(c.last_message_at, c.created_at) as last_activity_at,
                   (select count(*) from conversation_members m
                     where m.tenant_id = c.tenant_id and m.app_id = c.app_id and m.conversation_id = c.id) as member_count
              from conversations c
            """;

    private final TenantDatabase database;
    private final ConversationManagement conversations;

    public ConversationDirectory(TenantDatabase database, ConversationManagement conversations) {
        this.database = database;
        this.conversations = conversations;
    }

    /**
     * The app's conversations that match, a page at a time in id order (ids grow with creation time):
     * {@code query} matches a conversation's id, a name that contains it (ignoring case), or the id of
     * one of its members; {@code member}, when given, keeps only the conversations that user belongs
     * to. A blank query matches every conversation.
     */
    public Page<ConversationSummary> search(AppRef app, String query, Optional<UserId> member, Page.Request page) {
        String text = query == null || query.isBlank() ? null : query.strip();
        UUID after = page.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(app.tenantId(), () -> {
            List<ConversationSummary> rows = database.jdbc().sql(SUMMARY + """
                             where c.tenant_id = :tenant and c.app_id = :app
                               and (cast(:query as text) is null
                                    or c.id::text = lower(cast(:query as text))
                                    or strpos(lower(coalesce(c.name, '')), lower(cast(:query as text))) > 0
                                    or exists (select 1 from conversation_members m
                                                where m.tenant_id = c.tenant_id and m.app_id = c.app_id
                                                  and m.conversation_id = c.id and m.user_id = cast(:query as text)))
                               and (cast(:member as text) is null
                                    or exists (select 1 from conversation_members m
                                                where m.tenant_id = c.tenant_id and m.app_id = c.app_id
                                                  and m.conversation_id = c.id and m.user_id = cast(:member as text)))
                               and (cast(:after as uuid) is null or c.id > cast(:after as uuid))
                             order by c.id limit :limit""")
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("query", text)
                    .param("member", member.map(UserId::value).orElse(null))
                    .param("after", after)
                    .param("limit", page.limit() + 1)
                    .query(ConversationDirectory::summary)
                    .list();
            return Page.of(rows, page.limit(), conversation -> conversation.id().toString());
        });
    }

    /** One conversation's summary. */
    public ConversationSummary get(AppRef app, ConversationId id) {
        return database.inTenant(app.tenantId(), () -> database.jdbc()
                .sql(SUMMARY + "where c.tenant_id = ? and c.app_id = ? and c.id = ?")
                .params(app.tenantId().value(), app.appId().value(), id.value())
                .query(ConversationDirectory::summary)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Conversation")));
    }

    /** A conversation's members by user id, a page at a time, with their roles and read positions. */
    public Page<ConversationMembership> members(AppRef app, ConversationId id, Page.Request page) {
        return conversations.members(app, id, page).map(ConversationDirectory::membership);
    }

    /** Adds users to a group as plain members (members already in it keep their role). */
    public void addMembers(AppRef app, ConversationId id, List<UserId> members) {
        conversations.addMembers(app, id, members, MemberRole.MEMBER);
    }

    /** Removes users from a group; users who are not members are ignored. */
    public void removeMembers(AppRef app, ConversationId id, List<UserId> members) {
        conversations.removeMembers(app, id, members);
    }

    private static ConversationMembership membership(ConversationMember member) {
        return new ConversationMembership(member.userId(), member.role().wireName(), member.joinedAt(), member.readSeq());
    }

    private static ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        return new ConversationSummary(new ConversationId(rs.getObject("id", UUID.class)),
                ConversationType.of(rs.getString("type")), rs.getString("name"), rs.getInt("member_count"),
                rs.getLong("last_seq"), instant(rs, "last_activity_at"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
