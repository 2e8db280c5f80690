package io.linnet.push.offline;

import io.linnet.messaging.ConversationType;
import io.linnet.messaging.EndUser;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserManagement;
import io.linnet.push.OfflinePushPolicies;
import io.linnet.push.OfflinePushPolicy;
import io.linnet.push.PushContent;
import io.linnet.push.PushSettings;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.LogContext;
import io.linnet.tenancy.database.TenantDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns chat messages into push jobs for the members who were offline. {@link MessageSent} is announced at least
 * once, off the send path, by messaging's few announcer threads (their bounded queues are the back-pressure: past
 * them an announcement waits in messaging's outbox instead of being dropped); the listener writes the jobs before
 * it returns, so a crash before that loses nothing: the event comes again.
 *
 * <p>Each recipient with a valid device gets one job per conversation, scheduled a short coalescing window ahead.
 * A further message in that window updates the same job (the latest text, one more in {@code data.count}) instead
 * of adding one, so a burst is one notification; the conversation is also its collapse key, so a later
 * notification replaces an earlier one on the device.
 */
@Component
class OfflinePush {

    private static final Logger log = LoggerFactory.getLogger(OfflinePush.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Long enough for a phone that is off for a weekend; a chat message older than that is stale news. */
    private static final Duration TTL = Duration.ofDays(3);

    private final TenantDatabase database;
    private final OfflinePushPolicies policies;
    private final Inbox inbox;
    private final UserManagement users;
    private final PushSettings settings;

    OfflinePush(TenantDatabase database, OfflinePushPolicies policies, Inbox inbox, UserManagement users,
                PushSettings settings) {
        this.database = database;
        this.policies = policies;
        this.inbox = inbox;
        this.users = users;
        this.settings = settings;
    }

    /**
     * At least once: returns only when the jobs are committed, and throws if they could not be, so that messaging
     * announces the message again (a repeat counts once more in a job still waiting, or notifies once more).
     */
    @EventListener
    void on(MessageSent message) {
        if (!message.offlineRecipientIds().isEmpty()) {
            try (LogContext logged = LogContext.of(message.tenantId(), message.appId())) {
                notify(message);
            }
        }
    }

    private record Conversation(String senderName, String name, boolean group) {
    }

    void notify(MessageSent message) {
        AppRef app = new AppRef(message.tenantId(), message.appId());
        database.runInTenant(app.tenantId(), () -> {
            // most offline members of most apps have no device: that answer comes first and ends it
            List<UserId> recipients = withDevice(app, message);
            if (recipients.isEmpty()) {
                return;
            }
            OfflinePushPolicy policy = policies.get(app);
            if (!policy.enabled()) {
                return;
            }
            // the badge: each recipient's unread messages across their conversations
            Map<UserId, Long> unread = inbox.unreadTotals(app, recipients);
            Conversation conversation = conversation(app, message);
            Instant now = Instant.now();
            Instant sendAt = now.plus(settings.offlineCoalesceWindow());
            List<String> ids = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (UserId recipient : recipients) {
                PushContent content = ChatNotification.of(message, policy, conversation.senderName(), conversation.name(),
                        conversation.group(), (int) Math.min(Integer.MAX_VALUE, unread.getOrDefault(recipient, 0L)));
                ids.add(Ids.next().toString());
                targets.add(JSON.writeValueAsString(Map.of("users", List.of(recipient.value()))));
                contents.add(JSON.writeValueAsString(content));
                keys.add("chat:" + message.conversationId() + ":" + recipient.value());
            }
            database.jdbc().sql("""
                            insert into push_jobs (tenant_id, app_id, id, origin, state, target, content, collapse_key,
                                                   priority, send_at, expires_at, coalesce_key)
                            select :tenant, :app, r.id, 'offline', 'scheduled', cast(r.target as jsonb),
                                   cast(r.content as jsonb), :collapseKey, 'high', :sendAt, :expiresAt, r.coalesce_key
                              from unnest(cast(:ids as uuid[]), cast(:targets as text[]), cast(:contents as text[]),
                                          cast(:keys as text[])) as r(id, target, content, coalesce_key)
                            on conflict (tenant_id, app_id, coalesce_key) where state = 'scheduled' and coalesce_key is not null
                            do update set
                               content = jsonb_set(
                                   case when :countInBody
                                        then jsonb_set(excluded.content, '{body}',
                                                       to_jsonb(((push_jobs.content->'data'->>'count')::int + 1) || ' new messages'))
                                        else excluded.content end,
                                   '{data,count}', to_jsonb(((push_jobs.content->'data'->>'count')::int + 1)::text)),
                               expires_at = excluded.expires_at""")
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("ids", ids.toArray(String[]::new))
                    .param("targets", targets.toArray(String[]::new))
                    .param("contents", contents.toArray(String[]::new))
                    .param("keys", keys.toArray(String[]::new))
                    // the conversation id is 36 characters, inside APNs' 64-byte limit for a collapse id
                    .param("collapseKey", "chat:" + message.conversationId())
                    .param("sendAt", Timestamp.from(sendAt))
                    .param("expiresAt", Timestamp.from(sendAt.plus(TTL)))
                    .param("countInBody", !"full".equals(policy.preview()))
                    .update();
        });
    }

    /** The offline recipients that have a valid device, in user id order. */
    private List<UserId> withDevice(AppRef app, MessageSent message) {
        return database.jdbc().sql("""
                        select distinct user_id from push_devices
                         where tenant_id = :tenant and app_id = :app and invalid_at is null
                           and user_id = any(cast(:users as text[]))
                         order by user_id""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("users", message.offlineRecipientIds().stream().map(UserId::value).toArray(String[]::new))
                .query((rs, row) -> new UserId(rs.getString("user_id")))
                .list();
    }

    /** How the notification names the conversation and the sender (by their display name, else their user id). */
    private Conversation conversation(AppRef app, MessageSent message) {
        String senderName = users.find(app, message.senderId()).map(EndUser::name)
                .filter(name -> !name.isEmpty())
                .orElse(message.senderId().value());
        return inbox.heading(app, message.conversationId())
                .map(heading -> new Conversation(senderName, heading.name(), heading.type() == ConversationType.GROUP))
                .orElse(new Conversation(message.senderId().value(), null, false));
    }
}
