package io.linnet.push.offline;

import io.linnet.messaging.AppRef;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.push.PushSettings;
import io.linnet.push.job.PushContent;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.database.TenantDatabase;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns chat messages into push jobs for the members who were offline. The listener only hands the event to a
 * small pool of its own and returns, so the send path never waits for push; when that pool's queue is full (a
 * flood the database cannot absorb) the notification is dropped and counted rather than slowing chat down.
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
    private final PushSettings settings;
    private final ThreadPoolExecutor pool;
    private final AtomicLong dropped = new AtomicLong();

    OfflinePush(TenantDatabase database, OfflinePushPolicies policies, PushSettings settings) {
        this.database = database;
        this.policies = policies;
        this.settings = settings;
        this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                Thread.ofPlatform().name("push-offline-", 0).daemon().factory(),
                (task, executor) -> {
                    long count = dropped.incrementAndGet();
                    if (count == 1 || count % 1000 == 0) {
                        log.warn("Offline push is behind; {} chat notifications dropped so far", count);
                    }
                });
    }

    @EventListener
    void on(MessageSent message) {
        if (!message.offlineRecipientIds().isEmpty()) {
            pool.execute(() -> {
                try {
                    notify(message);
                } catch (RuntimeException e) {
                    log.warn("Offline push for message {} of app {} failed: {}", message.messageId(), message.appId(),
                            e.toString());
                }
            });
        }
    }

    /** Chat notifications dropped because offline push could not keep up. */
    long dropped() {
        return dropped.get();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    private record Recipient(String userId, int unread) {
    }

    private record Conversation(String senderName, String name, boolean group) {
    }

    void notify(MessageSent message) {
        AppRef app = new AppRef(message.tenantId(), message.appId());
        database.runInTenant(app.tenantId(), () -> {
            // most offline members of most apps have no device: that answer comes first and ends it
            List<Recipient> recipients = recipients(app, message);
            if (recipients.isEmpty()) {
                return;
            }
            OfflinePushPolicy policy = policies.read(app);
            if (!policy.enabled()) {
                return;
            }
            Conversation conversation = conversation(app, message);
            Instant now = Instant.now();
            Instant sendAt = now.plus(settings.offlineCoalesceWindow());
            List<String> ids = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Recipient recipient : recipients) {
                PushContent content = ChatNotification.of(message, policy, conversation.senderName(), conversation.name(),
                        conversation.group(), recipient.unread());
                ids.add(Ids.next().toString());
                targets.add(JSON.writeValueAsString(java.util.Map.of("users", List.of(recipient.userId()))));
                contents.add(JSON.writeValueAsString(content));
                keys.add("chat:" + message.conversationId() + ":" + recipient.userId());
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

    /**
     * The offline recipients that have a valid device, with their unread count (messages after their read marker,
     * across their conversations) for the badge.
     */
    private List<Recipient> recipients(AppRef app, MessageSent message) {
        return database.jdbc().sql("""
                        select r.user_id,
                               (select coalesce(sum(greatest(c.last_seq - m.read_seq, 0)), 0)
                                  from conversation_members m
                                  join conversations c on c.tenant_id = m.tenant_id and c.app_id = m.app_id
                                                      and c.id = m.conversation_id
                                 where m.tenant_id = :tenant and m.app_id = :app and m.user_id = r.user_id) as unread
                          from (select distinct user_id from push_devices
                                 where tenant_id = :tenant and app_id = :app and invalid_at is null
                                   and user_id = any(cast(:users as text[]))) r
                         order by r.user_id""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("users", message.offlineRecipientIds().stream().map(UserId::value).toArray(String[]::new))
                .query((rs, row) -> new Recipient(rs.getString("user_id"), (int) Math.min(Integer.MAX_VALUE, rs.getLong("unread"))))
                .list();
    }

    private Conversation conversation(AppRef app, MessageSent message) {
        return database.jdbc().sql("""
                        select c.type, c.name, coalesce(nullif(u.name, ''), :sender) as sender_name
                          from conversations c
                          left join end_users u on u.tenant_id = c.tenant_id and u.app_id = c.app_id and u.user_id = :sender
                         where c.tenant_id = :tenant and c.app_id = :app and c.id = :conversation""")
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("sender", message.senderId().value())
                .param("conversation", message.conversationId().value())
                .query((rs, row) -> new Conversation(rs.getString("sender_name"), rs.getString("name"),
                        "group".equals(rs.getString("type"))))
                .optional()
                .orElse(new Conversation(message.senderId().value(), null, false));
    }
}
