package io.linnet.messaging.message;

import io.linnet.messaging.CheckedBody;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.FailureKind;
import io.linnet.messaging.Message;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How {@link MessageSent} is announced at least once. The statement that stores a message also writes
 * its row into {@code message_sent_outbox} (no extra round trip: one more part of the same statement);
 * after the commit {@link MessageSender} delivers the message and hands the event here; the
 * {@link Announcer} runs its listeners off the sender's thread and deletes the rows of what they all
 * handled, one statement per batch. A row still there after {@code announce-retry-after} (a listener
 * threw, a queue was full, the node stopped between the commit and the listeners) is claimed, with a
 * lease so that no two nodes take it, and announced again: at start and then every half of that time.
 *
 * <p>Why not Spring Modulith's event publication registry: it writes one row per event and listener
 * inside the storing transaction (one round trip per message in a group commit that otherwise costs
 * three statements per batch) and updates it once per listener afterwards; and the event must exist
 * before the commit, when who was offline is not known yet. Here a send pays one narrow row (and
 * its key) written by the statement it already runs, and the announcer one delete per batch of
 * announcements, off the send path and without a disk flush.
 */
@Component
public class MessageSentOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageSentOutbox.class);
    /** The most rows one claim takes. */
    static final int CLAIM = 500;

    private final PlatformDatabase platform;
    private final ObjectProvider<LiveDelivery> delivery;
    private final MessagingSettings settings;
    private final Announcer announcer;
    private volatile boolean running;
    private Thread sweeper;

    public MessageSentOutbox(PlatformDatabase platform, ApplicationEventPublisher events, ObjectProvider<LiveDelivery> delivery,
                             MessagingSettings settings) {
        this.platform = platform;
        this.delivery = delivery;
        this.settings = settings;
        this.announcer = new Announcer(events::publishEvent, this::completed, settings.announceWorkers(),
                settings.announceQueue());
    }

    /** Runs the listeners of a message stored by this node (its outbox row committed with it), soon and on another thread. */
    void announce(MessageSent sent) {
        announcer.offer(sent);
    }

    /**
     * Announces again the messages whose row is older than {@code olderThan} and not claimed by a
     * node (this one or another) within the last {@code announce-retry-after}; answers how many.
     * The sweep calls it; so may a test.
     */
    public int resubmit(Duration olderThan) {
        int announced = 0;
        while (true) {
            List<Key> claimed = claim(olderThan);
            List<MessageSent> found = read(claimed);
            Set<Key> gone = new HashSet<>(claimed);
            found.forEach(sent -> gone.remove(Key.of(sent)));
            if (!gone.isEmpty()) {
                // the message was deleted since (its conversation, or a purge): nothing to announce
                delete(List.copyOf(gone));
            }
            for (MessageSent sent : found) {
                if (!announcer.offer(sent)) {
                    // a full queue: the rest keep their claim and come back when it runs out
                    return announced;
                }
                announced++;
            }
            if (claimed.size() < CLAIM) {
                return announced;
            }
        }
    }

    /** A row of the outbox. */
    private record Key(UUID tenant, UUID app, UUID message) {
        static Key of(MessageSent sent) {
            return new Key(sent.tenantId().value(), sent.appId().value(), sent.messageId().value());
        }
    }

    private List<Key> claim(Duration olderThan) {
        return platform.inTransaction(() -> platform.jdbc().sql("""
                        with stale as (
                            select tenant_id, app_id, message_id from message_sent_outbox
                             where stored_at <= now() - make_interval(secs => :olderThan)
                               and (retry_at is null or retry_at < now())
                             order by stored_at
                             limit :limit
                             for update skip locked)
                        update message_sent_outbox o
                           set retry_at = now() + make_interval(secs => :lease), attempts = o.attempts + 1
                          from stale
                         where o.tenant_id = stale.tenant_id and o.app_id = stale.app_id and o.message_id = stale.message_id
                        returning o.tenant_id, o.app_id, o.message_id""")
                .param("olderThan", olderThan.toMillis() / 1000.0)
                .param("limit", CLAIM)
                .param("lease", settings.announceRetryAfter().toMillis() / 1000.0)
                .query((rs, row) -> new Key(rs.getObject("tenant_id", UUID.class), rs.getObject("app_id", UUID.class),
                        rs.getObject("message_id", UUID.class)))
                .list());
    }

    /**
     * The events of claimed rows, rebuilt from the stored messages (across tenants: the platform
     * path). Who is offline is asked anew: who was then is not known any more.
     */
    private List<MessageSent> read(List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        record Stored(AppRef app, Message message, ConversationType type, List<UserId> recipients) {
        }
        List<Stored> stored = platform.jdbc().sql("""
                        select m.tenant_id, m.app_id, m.id, m.conversation_id, m.seq, m.sender_id, m.client_msg_id,
                               m.body::text as body, m.created_at, m.recalled_at, c.type,
                               array(select cm.user_id from conversation_members cm
                                      where cm.tenant_id = m.tenant_id and cm.app_id = m.app_id
                                        and cm.conversation_id = m.conversation_id and cm.user_id <> m.sender_id
                                      order by cm.user_id) as recipients
                          from unnest(cast(:tenants as uuid[]), cast(:apps as uuid[]), cast(:ids as uuid[])) as k(tenant, app, id)
                          join messages m on m.tenant_id = k.tenant and m.app_id = k.app and m.id = k.id
                          join conversations c on c.tenant_id = m.tenant_id and c.app_id = m.app_id and c.id = m.conversation_id""")
                .param("tenants", keys.stream().map(key -> key.tenant().toString()).toArray(String[]::new))
                .param("apps", keys.stream().map(key -> key.app().toString()).toArray(String[]::new))
                .param("ids", keys.stream().map(key -> key.message().toString()).toArray(String[]::new))
                .query((rs, row) -> new Stored(new AppRef(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new AppId(rs.getObject("app_id", UUID.class))), MessageRows.message(rs, row),
                        ConversationType.of(rs.getString("type")),
                        Stream.of((String[]) rs.getArray("recipients").getArray()).map(UserId::new).toList()))
                .list();
        LiveDelivery live = delivery.getIfAvailable(() -> LiveDelivery.NONE);
        return stored.stream().map(found -> {
            AppRef app = found.app();
            List<UserId> offline = found.recipients();
            try {
                Set<UserId> unreachable = live.unreachable(app, found.recipients());
                offline = found.recipients().stream().filter(unreachable::contains).toList();
            } catch (RuntimeException failed) {
                log.debug("Could not tell who is online in app {} ({}); every recipient counts as offline", app.appId(),
                        FailureKind.of(failed));
            }
            int bodyBytes = CheckedBody.JSON.writeValueAsBytes(found.message().body()).length;
            return new StoredForDelivery(app, found.message(), found.type(), found.recipients(), bodyBytes).sent(offline);
        }).toList();
    }

    /** Every listener handled these: their rows go, in one statement. */
    private void completed(List<MessageSent> handled) {
        delete(handled.stream().map(Key::of).toList());
    }

    /**
     * Deletes rows without waiting for the disk: a delete lost in a crash only means one more
     * announcement (at least once allows it), and the flush would cost PostgreSQL as much as the
     * messages' own commits.
     */
    private void delete(List<Key> keys) {
        platform.inTransaction(() -> {
            platform.jdbc().sql("select set_config('synchronous_commit', 'off', true)").query().singleValue();
            return platform.jdbc().sql("""
                            delete from message_sent_outbox o
                             using unnest(cast(:tenants as uuid[]), cast(:apps as uuid[]), cast(:ids as uuid[])) as d(tenant, app, id)
                             where o.tenant_id = d.tenant and o.app_id = d.app and o.message_id = d.id""")
                    .param("tenants", keys.stream().map(key -> key.tenant().toString()).toArray(String[]::new))
                    .param("apps", keys.stream().map(key -> key.app().toString()).toArray(String[]::new))
                    .param("ids", keys.stream().map(key -> key.message().toString()).toArray(String[]::new))
                    .update();
        });
    }

    @Override
    public void start() {
        running = true;
        Duration every = settings.announceRetryAfter().dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : settings.announceRetryAfter().dividedBy(2);
        sweeper = Thread.ofVirtual().name("message-sent-sweep").start(() -> {
            while (running) {
                try {
                    int again = resubmit(settings.announceRetryAfter());
                    if (again > 0) {
                        log.info("Announced {} messages again whose MessageSent listeners had not all run", again);
                    }
                } catch (RuntimeException failed) {
                    log.warn("Could not look for unannounced messages ({}); trying again later", FailureKind.of(failed));
                }
                try {
                    Thread.sleep(every);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.interrupt();
        }
        // what is still queued gets a few seconds; anything left is announced again after a restart
        announcer.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the web server and the gateway, and stopped after them, so that no send finds it stopped. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
