package io.linnet.messaging;

import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An app's end users: create or update them by the id the developer chose, read them, delete them
 * (and on request erase the content of everything they sent). Another app's user is not found.
 */
@Service
public class UserManagement {

    /** What a purged message's body becomes: the row and its seq stay, the content does not. */
    static final String ERASED_BODY = "{\"type\":\"erased\"}";

    private static final String COLUMNS = "user_id, name, avatar_url, custom::text as custom, tags, created_at, updated_at";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantDatabase database;
    private final ApplicationEventPublisher events;

    public UserManagement(TenantDatabase database, ApplicationEventPublisher events) {
        this.database = database;
        this.events = events;
    }

    /** The user after a {@link #put}, and whether the put created them. */
    public record Saved(EndUser user, boolean created) {
    }

    /** Creates the user, or replaces the profile of the existing one. */
    public Saved put(AppRef app, UserId userId, UserProfile profile) {
        Saved saved = database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        insert into end_users (tenant_id, app_id, user_id, name, avatar_url, custom, tags)
                        values (:tenant, :app, :user, :name, :avatar, cast(:custom as jsonb), :tags)
                        on conflict (tenant_id, app_id, user_id) do update
                           set name = excluded.name, avatar_url = excluded.avatar_url, custom = excluded.custom,
                               tags = excluded.tags, updated_at = now()
                        returning (xmax = 0) as created, %s""".formatted(COLUMNS))
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("user", userId.value())
                .param("name", profile.name())
                .param("avatar", profile.avatarUrl())
                .param("custom", JSON.writeValueAsString(profile.custom()))
                .param("tags", profile.tags().toArray(String[]::new))
                .query((rs, row) -> new Saved(user(rs, row), rs.getBoolean("created")))
                .single());
        if (saved.created()) {
            events.publishEvent(new UserCreated(app, userId, saved.user().createdAt()));
        }
        return saved;
    }

    public EndUser get(AppRef app, UserId userId) {
        return database.inTenant(app.tenantId(), () -> database.jdbc()
                .sql("select " + COLUMNS + " from end_users where tenant_id = ? and app_id = ? and user_id = ?")
                .params(app.tenantId().value(), app.appId().value(), userId.value())
                .query(UserManagement::user)
                .optional()
                .orElseThrow(() -> DomainException.notFound("User")));
    }

    /** The user, if the app has them. */
    public Optional<EndUser> find(AppRef app, UserId userId) {
        return database.inTenant(app.tenantId(), () -> database.jdbc()
                .sql("select " + COLUMNS + " from end_users where tenant_id = ? and app_id = ? and user_id = ?")
                .params(app.tenantId().value(), app.appId().value(), userId.value())
                .query(UserManagement::user)
                .optional());
    }

    /** Whether the app has this user. */
    public boolean exists(AppRef app, UserId userId) {
        return database.inTenant(app.tenantId(), () -> database.jdbc()
                .sql("select count(*) from end_users where tenant_id = ? and app_id = ? and user_id = ?")
                .params(app.tenantId().value(), app.appId().value(), userId.value())
                .query(Integer.class)
                .single() > 0);
    }

    /**
     * The app's users that match {@code query}, a page at a time in user id order: a user whose id
     * starts with it, whose name contains it (ignoring case), or who carries it as a tag. A blank
     * query matches everyone. The page's cursor is the last user id, so the next page starts right
     * after it however users come and go in between.
     */
    public Page<EndUser> search(AppRef app, String query, Page.Request page) {
        String text = query == null || query.isBlank() ? null : query.strip();
        return database.inTenant(app.tenantId(), () -> {
            List<EndUser> rows = database.jdbc().sql("""
                            select %s from end_users
                             where tenant_id = :tenant and app_id = :app
                               and (cast(:query as text) is null
                                    or starts_with(user_id, cast(:query as text))
                                    or strpos(lower(coalesce(name, '')), lower(cast(:query as text))) > 0
                                    or cast(:query as text) = any(tags))
                               and user_id > :after
                             order by user_id limit :limit""".formatted(COLUMNS))
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("query", text)
                    .param("after", page.after().orElse(""))
                    .param("limit", page.limit() + 1)
                    .query(UserManagement::user)
                    .list();
            return Page.of(rows, page.limit(), user -> user.userId().value());
        });
    }

    /** The names of those of {@code userIds} the app has and who have one: for lists that show names, not ids. */
    public Map<UserId, String> names(AppRef app, Collection<UserId> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select user_id, name from end_users
                         where tenant_id = ? and app_id = ? and user_id = any(?) and name is not null""")
                .params(app.tenantId().value(), app.appId().value(), userIds.stream().map(UserId::value).toArray(String[]::new))
                .query((rs, row) -> Map.entry(new UserId(rs.getString("user_id")), rs.getString("name")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Whether a user must carry any one of the tags asked for, or all of them. */
    public enum TagMatch { ANY, ALL }

    /**
     * The first {@code limit} users of the app, in user id order, that carry any (or all) of {@code tags}: how a
     * push to tags reaches its audience a page at a time, never all of it at once.
     */
    public List<UserId> tagged(AppRef app, TagMatch match, List<String> tags, int limit) {
        return taggedPage(app, match, tags, null, limit);
    }

    /** The next page of {@link #tagged}: the users after {@code after}, in user id order. */
    public List<UserId> taggedAfter(AppRef app, TagMatch match, List<String> tags, UserId after, int limit) {
        return taggedPage(app, match, tags, after.value(), limit);
    }

    private List<UserId> taggedPage(AppRef app, TagMatch match, List<String> tags, String after, int limit) {
        return database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select user_id from end_users
                         where tenant_id = :tenant and app_id = :app and %s
                           and (cast(:after as text) is null or user_id > cast(:after as text))
                         order by user_id limit :limit""".formatted(match == TagMatch.ANY
                        ? "tags && cast(:tags as text[])" : "tags @> cast(:tags as text[])"))
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("tags", tags.toArray(String[]::new))
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new UserId(rs.getString("user_id")))
                .list());
    }

    /**
     * Deletes the user and their memberships; their tokens stop working. With {@code purge}, the
     * bodies of every message they sent become a tombstone in the same transaction; the messages
     * keep their seqs, so no conversation gets a gap.
     */
    public void delete(AppRef app, UserId userId, boolean purge) {
        database.runInTenant(app.tenantId(), () -> {
            int deleted = database.jdbc().sql("delete from end_users where tenant_id = ? and app_id = ? and user_id = ?")
                    .params(app.tenantId().value(), app.appId().value(), userId.value())
                    .update();
            if (deleted == 0) {
                throw DomainException.notFound("User");
            }
            events.publishEvent(new UserSignedOut(app, userId));
            if (purge) {
                database.jdbc().sql("""
                                update messages set body = cast(:erased as jsonb)
                                 where tenant_id = :tenant and app_id = :app and sender_id = :user""")
                        .param("erased", ERASED_BODY)
                        .param("tenant", app.tenantId().value())
                        .param("app", app.appId().value())
                        .param("user", userId.value())
                        .update();
            }
        });
    }

    private static EndUser user(ResultSet rs, int row) throws SQLException {
        return new EndUser(new UserId(rs.getString("user_id")), rs.getString("name"), rs.getString("avatar_url"),
                JSON.readTree(rs.getString("custom")), List.of((String[]) rs.getArray("tags").getArray()),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
