package io.linnet.messaging.gateway;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The nodes of one cluster, and the frames they hand each other through Redis. Every node
 * announces itself in a sorted set scored by when its announcement lapses and listens on a
 * channel of its own; a frame for users connected elsewhere is published once per node that holds
 * any of them (never once per user). Sign-outs and stopped tenants go to every node on a shared channel.
 */
final class ClusterRelay implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(ClusterRelay.class);
    private static final String NODES = "linnet:gateway:nodes";
    private static final String EVERY_NODE = "linnet:gateway:all";

    /**
     * What travels between nodes: mostly a frame for some users of one app (a message frame names its
     * conversation and seq, so the receiving node can keep each conversation in order); also that a
     * tenant was stopped (every node closes its connections) or that a node joined.
     */
    record Envelope(Kind kind, TenantId tenant, AppRef app, List<UserId> users, ConversationId conversation, long seq, byte[] frame) {
        enum Kind { MESSAGE, FRAME, SIGN_OUT, JOINED, TENANT_STOPPED }

        static Envelope toUsers(Kind kind, AppRef app, List<UserId> users, ConversationId conversation, long seq, byte[] frame) {
            return new Envelope(kind, app.tenantId(), app, users, conversation, seq, frame);
        }

        static Envelope tenantStopped(TenantId tenant) {
            return new Envelope(Kind.TENANT_STOPPED, tenant, null, List.of(), null, 0, null);
        }

        static Envelope joined() {
            return new Envelope(Kind.JOINED, null, null, List.of(), null, 0, null);
        }
    }

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listeners;
    private final ExecutorService dispatcher =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("gateway-relay").daemon().factory());
    private final JsonMapper json;
    private final String nodeId;
    private final Duration ttl;
    private final Clock clock;
    private volatile Consumer<Envelope> receiver = envelope -> { };
    private volatile Set<String> liveNodes;

    ClusterRelay(StringRedisTemplate redis, JsonMapper json, String nodeId, Duration ttl, Clock clock) {
        this.redis = redis;
        this.listeners = new RedisMessageListenerContainer();
        listeners.setConnectionFactory(redis.getRequiredConnectionFactory());
        // relay messages are handled in arrival order on a thread of their own, never on Redis's I/O thread
        listeners.setTaskExecutor(dispatcher::execute);
        this.json = json;
        this.nodeId = nodeId;
        this.ttl = ttl;
        this.clock = clock;
        this.liveNodes = Set.of(nodeId);
    }

    String nodeId() {
        return nodeId;
    }

    /** Starts listening and announces this node. */
    void join(Consumer<Envelope> receiver) {
        this.receiver = receiver;
        listeners.addMessageListener(this, List.of(new ChannelTopic(channel(nodeId)), new ChannelTopic(EVERY_NODE)));
        listeners.afterPropertiesSet();
        listeners.start();
        renew();
        // the others learn of this node now rather than at their next renewal
        sendToEveryNode(Envelope.joined());
    }

    /** Stops listening and announcing this node; its users' claims lapse on their own. */
    void leave() {
        try {
            redis.opsForZSet().remove(NODES, nodeId);
        } finally {
            listeners.stop();
            try {
                listeners.destroy();
            } catch (Exception ignored) {
                // nothing left to release
            }
            dispatcher.shutdown();
        }
    }

    /** Renews this node's announcement and refreshes which nodes are alive. */
    void renew() {
        long now = clock.millis();
        redis.opsForZSet().add(NODES, nodeId, now + ttl.toMillis());
        redis.opsForZSet().removeRangeByScore(NODES, Double.NEGATIVE_INFINITY, now);
        refreshLiveNodes();
    }

    /** Reads which nodes are alive (announcements not yet lapsed). */
    void refreshLiveNodes() {
        Set<String> live = redis.opsForZSet().rangeByScore(NODES, clock.millis(), Double.POSITIVE_INFINITY);
        liveNodes = live == null || live.isEmpty() ? Set.of(nodeId) : Set.copyOf(live);
    }

    /** Whether other nodes are alive (when not, nothing needs looking up or publishing). */
    boolean alone() {
        Set<String> live = liveNodes;
        return live.size() == 1 && live.contains(nodeId);
    }

    void send(String node, Envelope envelope) {
        redis.convertAndSend(channel(node), encode(envelope));
    }

    void sendToEveryNode(Envelope envelope) {
        redis.convertAndSend(EVERY_NODE, encode(envelope));
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            JsonNode node = json.readTree(message.getBody());
            if (nodeId.equals(node.path("origin").asString())) {
                return;
            }
            Envelope.Kind kind = Envelope.Kind.valueOf(node.path("kind").asString());
            if (kind == Envelope.Kind.JOINED) {
                refreshLiveNodes();
                return;
            }
            TenantId tenant = new TenantId(UUID.fromString(node.path("tenant").asString()));
            if (kind == Envelope.Kind.TENANT_STOPPED) {
                receiver.accept(Envelope.tenantStopped(tenant));
                return;
            }
            List<UserId> users = new ArrayList<>();
            node.path("users").forEach(user -> users.add(new UserId(user.asString())));
            AppRef app = new AppRef(tenant, new AppId(UUID.fromString(node.path("app").asString())));
            String conversation = node.path("conversation").asString(null);
            receiver.accept(new Envelope(kind, tenant, app, users,
                    conversation == null ? null : ConversationId.of(conversation), node.path("seq").asLong(),
                    node.path("frame").asString("").getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException unreadable) {
            // the exception's text could quote the message, and with it a frame's content
            log.warn("Ignored an unreadable relay message: {}", unreadable.getClass().getName());
        }
    }

    private String encode(Envelope envelope) {
        ObjectNode node = json.createObjectNode();
        node.put("origin", nodeId);
        node.put("kind", envelope.kind().name());
        if (envelope.tenant() != null) {
            node.put("tenant", envelope.tenant().toString());
        }
        if (envelope.app() != null) {
            node.put("app", envelope.app().appId().toString());
        }
        ArrayNode users = node.putArray("users");
        envelope.users().forEach(user -> users.add(user.value()));
        if (envelope.conversation() != null) {
            node.put("conversation", envelope.conversation().toString());
            node.put("seq", envelope.seq());
        }
        if (envelope.frame() != null) {
            node.put("frame", new String(envelope.frame(), StandardCharsets.UTF_8));
        }
        return json.writeValueAsString(node);
    }

    private static String channel(String node) {
        return "linnet:gateway:node:" + node;
    }
}
