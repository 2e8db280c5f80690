package io.linnet.moderation.screening;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.moderation.ModerationSettings;
import io.linnet.moderation.PreSendHookSettings;
import io.linnet.moderation.RestrictionKind;
import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleScope;
import io.linnet.moderation.rule.RuleRows;
import io.linnet.moderation.rule.RuleSet;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.secret.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each node's compiled copy of every active app's moderation ({@link ModerationState}), read from
 * PostgreSQL on first use and kept until the app's moderation changes. A change is announced on
 * the Redis channel {@value #CHANNEL}: every node drops its copy, acknowledges, and reads it again on
 * the next send; the change's caller waits for the acknowledgements. A copy older than {@code linnet.moderation.state-max-age} is read
 * again anyway, in case a notice was lost while Redis was away.
 */
@Component
public class ModerationStates implements MessageListener, SmartLifecycle {

    static final String CHANNEL = "linnet:moderation:changed";
    /** Where the nodes that heard a change notice acknowledge it (a list per notice). */
    private static final String ACKS = "linnet:moderation:acks:";
    private static final long ACK_WAIT_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ModerationStates.class);

    private final TenantDatabase database;
    private final SecretCipher cipher;
    private final StringRedisTemplate redis;
    private final ModerationSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<AppRef, ModerationState> states = new ConcurrentHashMap<>();
    /** Bumped by every drop, so that a copy read while a change was announced is not kept. */
    private final AtomicLong drops = new AtomicLong();
    private final RedisMessageListenerContainer listeners = new RedisMessageListenerContainer();
    private volatile boolean running;

    ModerationStates(TenantDatabase database, SecretCipher cipher, StringRedisTemplate redis, ModerationSettings settings) {
        this.database = database;
        this.cipher = cipher;
        this.redis = redis;
        this.settings = settings;
        listeners.setConnectionFactory(redis.getRequiredConnectionFactory());
        listeners.addMessageListener(this, new ChannelTopic(CHANNEL));
    }

    /** The app's moderation as this node knows it. */
    public ModerationState of(AppRef app) {
        ModerationState state = states.get(app);
        if (state != null && state.loadedAt().plus(settings.stateMaxAge()).isAfter(clock.instant())) {
            return state;
        }
        long dropsBefore = drops.get();
        ModerationState loaded = load(app);
        states.put(app, loaded);
        if (drops.get() != dropsBefore) {
            // a change was announced while we read: what we read may predate it
            states.remove(app, loaded);
        }
        return loaded;
    }

    /**
     * Whether the user is banned from the app, as this node knows it: the same copy that refuses their
     * sends, so a token and a send of theirs are judged alike, and at no cost beyond the first read.
     */
    public boolean banned(AppRef app, UserId user) {
        return of(app).banned(user, clock.instant());
    }

    /**
     * Tells every node that the app's moderation changed, and returns once every node that heard
     * it has dropped its copy (or after {@value #ACK_WAIT_MILLIS} ms), so that a mute or a rule holds
     * on every node by the time the moderator is told it is done. Call after the change commits.
     */
    public void changed(AppRef app) {
        drop(app);
        String notice = UUID.randomUUID().toString();
        try {
            Long heard = redis.convertAndSend(CHANNEL, notice + "/" + app.tenantId().value() + "/" + app.appId().value());
            awaitAcknowledgements(notice, heard == null ? 0 : heard);
        } catch (RuntimeException failed) {
            log.warn("Could not announce a moderation change of app {} to the other nodes ({}); they pick it up within {}",
                    app.appId(), failed.toString(), settings.stateMaxAge());
        }
    }

    private void awaitAcknowledgements(String notice, long expected) {
        String key = ACKS + notice;
        long deadline = System.nanoTime() + ACK_WAIT_MILLIS * 1_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                Long acknowledged = redis.opsForList().size(key);
                if (acknowledged != null && acknowledged >= expected) {
                    return;
                }
                Thread.sleep(2);
            }
            log.warn("Not every node acknowledged a moderation change within {} ms; the rest pick it up within {}",
                    ACK_WAIT_MILLIS, settings.stateMaxAge());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            redis.delete(key);
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("/", 3);
        try {
            drop(new AppRef(new TenantId(UUID.fromString(parts[1])), new AppId(UUID.fromString(parts[2]))));
            String key = ACKS + parts[0];
            redis.opsForList().rightPush(key, "1");
            redis.expire(key, Duration.ofMinutes(1));
        } catch (RuntimeException malformed) {
            log.warn("Ignoring a malformed moderation change notice: {}", malformed.toString());
        }
    }

    private void drop(AppRef app) {
        drops.incrementAndGet();
        states.remove(app);
    }

    private ModerationState load(AppRef app) {
        return database.inTenant(app.tenantId(), () -> {
            UUID tenant = app.tenantId().value();
            UUID appId = app.appId().value();
            List<Rule> rules = database.jdbc().sql("""
                            select %s from moderation_rules
                             where tenant_id = ? and app_id = ? and enabled""".formatted(RuleRows.COLUMNS))
                    .params(tenant, appId)
                    .query(RuleRows::rule)
                    .list();
            Optional<PreSendHookSettings> hook = database.jdbc().sql("""
                            select url, secret, timeout_millis, on_failure from moderation_hooks
                             where tenant_id = ? and app_id = ?""")
                    .params(tenant, appId)
                    .query((rs, row) -> new PreSendHookSettings(URI.create(rs.getString("url")),
                            cipher.decrypt(rs.getString("secret")), Duration.ofMillis(rs.getInt("timeout_millis")),
                            PreSendHookSettings.FailurePolicy.of(rs.getString("on_failure"))))
                    .optional();
            Map<UserId, List<ModerationState.Restraint>> restraints = new HashMap<>();
            database.jdbc().sql("""
                            select user_id, kind, conversation_id, expires_at from moderation_restrictions
                             where tenant_id = ? and app_id = ? and lifted_at is null
                               and (expires_at is null or expires_at > now())""")
                    .params(tenant, appId)
                    .query(rs -> {
                        UUID conversation = rs.getObject("conversation_id", UUID.class);
                        Timestamp expires = rs.getTimestamp("expires_at");
                        restraints.computeIfAbsent(new UserId(rs.getString("user_id")), user -> new ArrayList<>())
                                .add(new ModerationState.Restraint(RestrictionKind.of(rs.getString("kind")),
                                        Optional.ofNullable(conversation).map(ConversationId::new),
                                        Optional.ofNullable(expires).map(Timestamp::toInstant)));
                    });
            boolean scoped = rules.stream().anyMatch(rule -> rule.scope() != RuleScope.ALL);
            return new ModerationState(compile(app, rules), scoped, hook, Map.copyOf(restraints), clock.instant());
        });
    }

    /**
     * Compiles the app's rules. They were compiled the same way when saved, so this fails only if a
     * newer version of Linnet is stricter; then the rules it refuses are left out (and logged), and
     * the others still hold, rather than every send of the app failing.
     */
    private static RuleSet compile(AppRef app, List<Rule> rules) {
        try {
            return RuleSet.compile(rules);
        } catch (RuntimeException refused) {
            List<Rule> usable = new ArrayList<>();
            for (Rule rule : rules) {
                try {
                    RuleSet.validate(rule);
                    RuleSet.compile(concat(usable, rule));
                    usable.add(rule);
                } catch (RuntimeException bad) {
                    log.error("Moderation rule {} ({}) of app {} no longer compiles and is left out: {}",
                            rule.id(), rule.name(), app.appId(), bad.getMessage());
                }
            }
            return RuleSet.compile(usable);
        }
    }

    private static List<Rule> concat(List<Rule> rules, Rule more) {
        List<Rule> all = new ArrayList<>(rules);
        all.add(more);
        return all;
    }

    @Override
    public void start() {
        listeners.afterPropertiesSet();
        listeners.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        listeners.stop();
        try {
            listeners.destroy();
        } catch (Exception ignored) {
            // nothing left to release
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
