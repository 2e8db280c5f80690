package io.linnet.moderation;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserSignedOut;
import io.linnet.messaging.UserManagement;
import io.linnet.moderation.screening.ModerationStates;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mutes and bans, as moderators impose and lift them. Both take effect at once on every node:
 * each node's copy of the app's moderation is dropped, so the next send sees them; a ban also
 * closes the user's live connections everywhere ({@link UserSignedOut}) and makes their tokens
 * fail verification until it is lifted or runs out. A new mute or ban of the same user and place
 * replaces the one in force. Each is recorded in the audit log with its reason.
 */
@Service
public class Restrictions {

    /** Which restrictions to list. Null fields do not filter. */
    public record Filter(RestrictionKind kind, UserId userId, boolean activeOnly) {
    }

    public static final Duration MIN_DURATION = Duration.ofMinutes(1);
    public static final Duration MAX_DURATION = Duration.ofDays(3650);
    private static final String COLUMNS = """
            id, kind, user_id, conversation_id, reason, created_by, created_at, expires_at, lifted_at, lifted_by, lift_reason""";

    private final TenantDatabase database;
    private final AppManagement apps;
    private final AuditLog audit;
    private final UserManagement users;
    private final Inbox conversations;
    private final ModerationStates states;
    private final ApplicationEventPublisher events;

    Restrictions(TenantDatabase database, AppManagement apps, AuditLog audit, UserManagement users, Inbox conversations,
                 ModerationStates states, ApplicationEventPublisher events) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
        this.users = users;
        this.conversations = conversations;
        this.states = states;
        this.events = events;
    }

    /** Mutes a user in one conversation (or the whole app when {@code conversation} is empty), for a while or until lifted. */
    public Restriction mute(Actor.Member actor, AppId app, String userId, Optional<String> conversation,
                            Optional<Duration> duration, String reason) {
        return impose(actor, app, RestrictionKind.MUTE, userId, conversation, duration, reason);
    }

    /** Bans a user from the app, for a while or until lifted. */
    public Restriction ban(Actor.Member actor, AppId app, String userId, Optional<Duration> duration, String reason) {
        return impose(actor, app, RestrictionKind.BAN, userId, Optional.empty(), duration, reason);
    }

    private Restriction impose(Actor.Member actor, AppId app, RestrictionKind kind, String rawUser,
                               Optional<String> rawConversation, Optional<Duration> duration, String reason) {
        actor.require(Permission.MODERATION);
        UserId user = UserId.of(rawUser);
        Optional<ConversationId> conversation = rawConversation.map(ConversationId::of);
        String why = ReviewQueue.reason(reason);
        duration.ifPresent(Restrictions::checkDuration);
        AppRef ref = new AppRef(actor.tenantId(), app);
        Restriction imposed = database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            users.get(ref, user);
            // a mute in a conversation the app does not have is refused as not found
            conversation.ifPresent(id -> conversations.type(ref, id));
            // the one in force for the same user and place gives way to this one
            database.jdbc().sql("""
                            update moderation_restrictions
                               set lifted_at = now(), lifted_by = :by, lift_reason = 'replaced'
                             where tenant_id = :tenant and app_id = :app and user_id = :user and kind = :kind
                               and conversation_id is not distinct from cast(:conversation as uuid) and lifted_at is null""")
                    .param("by", actor.email())
                    .param("tenant", ref.tenantId().value())
                    .param("app", app.value())
                    .param("user", user.value())
                    .param("kind", kind.wireName())
                    .param("conversation", conversation.map(ConversationId::toString).orElse(null))
                    .update();
            UUID id = Ids.next();
            database.jdbc().sql("""
                            insert into moderation_restrictions (tenant_id, app_id, id, user_id, kind, conversation_id, reason,
                                                                 created_by, expires_at)
                            values (?, ?, ?, ?, ?, cast(? as uuid), ?, ?, now() + cast(? as bigint) * interval '1 second')""")
                    .params(ref.tenantId().value(), app.value(), id, user.value(), kind.wireName(),
                            conversation.map(ConversationId::toString).orElse(null), why, actor.email(),
                            duration.map(Duration::toSeconds).orElse(null))
                    .update();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("appId", app.toString());
            details.put("userId", user.value());
            conversation.ifPresent(c -> details.put("conversationId", c.toString()));
            details.put("durationSeconds", duration.map(Duration::toSeconds).orElse(null));
            details.put("reason", why);
            audit.record(actor, "moderation.user." + (kind == RestrictionKind.BAN ? "banned" : "muted"), "end_user",
                    user.value(), details);
            return find(ref, id);
        });
        states.changed(ref);
        if (kind == RestrictionKind.BAN) {
            // only now, with every node's copy of the app's moderation dropped, does the gateway close the user's
            // connections on every node: a client that reconnects at once finds the ban wherever it lands
            events.publishEvent(new UserSignedOut(ref, user));
        }
        return imposed;
    }

    /** Lifts a mute or ban before it runs out (unmute, unban). Lifting one that is over changes nothing. */
    public Restriction lift(Actor.Member actor, AppId app, String restrictionId, String reason) {
        actor.require(Permission.MODERATION);
        UUID id = Ids.parse(restrictionId, "Restriction");
        String why = ReviewQueue.reason(reason);
        AppRef ref = new AppRef(actor.tenantId(), app);
        Restriction lifted = database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            Restriction current = find(ref, id);
            if (!current.activeAt(Instant.now())) {
                return current;
            }
            database.jdbc().sql("""
                            update moderation_restrictions set lifted_at = now(), lifted_by = ?, lift_reason = ?
                             where tenant_id = ? and app_id = ? and id = ?""")
                    .params(actor.email(), why, ref.tenantId().value(), app.value(), id)
                    .update();
            audit.record(actor, "moderation.user." + (current.kind() == RestrictionKind.BAN ? "unbanned" : "unmuted"),
                    "end_user", current.userId().value(), Map.of("appId", app.toString(), "restrictionId", id.toString(),
                            "reason", why));
            return find(ref, id);
        });
        states.changed(ref);
        return lifted;
    }

    public Restriction get(Actor.Member actor, AppId app, String restrictionId) {
        actor.require(Permission.MODERATION);
        UUID id = Ids.parse(restrictionId, "Restriction");
        AppRef ref = new AppRef(actor.tenantId(), app);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return find(ref, id);
        });
    }

    /** Mutes and bans, newest first. */
    public Page<Restriction> list(Actor.Member actor, AppId app, Filter filter, Page.Request request) {
        actor.require(Permission.MODERATION);
        AppRef ref = new AppRef(actor.tenantId(), app);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            StringBuilder sql = new StringBuilder("select " + COLUMNS
                    + " from moderation_restrictions where tenant_id = :tenant and app_id = :app");
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", ref.tenantId().value());
            params.put("app", app.value());
            if (filter.kind() != null) {
                sql.append(" and kind = :kind");
                params.put("kind", filter.kind().wireName());
            }
            if (filter.userId() != null) {
                sql.append(" and user_id = :user");
                params.put("user", filter.userId().value());
            }
            if (filter.activeOnly()) {
                sql.append(" and lifted_at is null and (expires_at is null or expires_at > now())");
            }
            request.after().map(TimeCursor::parse).ifPresent(after -> {
                sql.append(" and (created_at, id) < (:afterTime, :afterId)");
                params.put("afterTime", after.time());
                params.put("afterId", after.id());
            });
            sql.append(" order by created_at desc, id desc limit :limit");
            params.put("limit", request.limit() + 1);
            List<Restriction> rows = database.jdbc().sql(sql.toString())
                    .params(params)
                    .query(Restrictions::restriction)
                    .list();
            return Page.of(rows, request.limit(), row -> TimeCursor.key(row.createdAt(), row.id()));
        });
    }

    private Restriction find(AppRef app, UUID id) {
        return database.jdbc().sql("select " + COLUMNS + " from moderation_restrictions where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), id)
                .query(Restrictions::restriction)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Restriction"));
    }

    private static void checkDuration(Duration duration) {
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw DomainException.invalid("durationSeconds must be between " + MIN_DURATION.toSeconds() + " and "
                    + MAX_DURATION.toSeconds() + " (leave it out for no end)");
        }
    }

    private static Restriction restriction(ResultSet rs, int row) throws SQLException {
        UUID conversation = rs.getObject("conversation_id", UUID.class);
        return new Restriction(rs.getObject("id", UUID.class).toString(), RestrictionKind.of(rs.getString("kind")),
                new UserId(rs.getString("user_id")), conversation == null ? null : new ConversationId(conversation),
                rs.getString("reason"), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("lifted_at")), rs.getString("lifted_by"),
                rs.getString("lift_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
