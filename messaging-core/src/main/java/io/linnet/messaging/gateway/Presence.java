package io.linnet.messaging.gateway;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.UserId;
import io.linnet.messaging.user.UserPrincipal;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Who is connected where, across all nodes, in Redis: per user a sorted set of
 * {@code node/connection} entries scored by when the claim lapses. Nodes renew their claims well
 * within {@link GatewaySettings#presenceTtl()}, so a node that dies stops counting as anyone's
 * presence once its claims lapse. The same set enforces the connections-per-user limit and tells
 * the router which nodes to send a user's events to. A second set per app counts the app's
 * connections for its plan's limit. A user's last-seen time is kept when their
 * last connection closes. Keys are {@code t:<tenant>:a:<app>:u:<user>:...}.
 */
final class Presence {

    /**
     * Adds a connection's claim to its user's set and its app's, unless the user already has the most
     * allowed (-1) or the app does (-2); answers the user's live count before it.
     */
    private static final RedisScript<Long> REGISTER = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            local live = redis.call('ZCARD', KEYS[1])
            if live >= tonumber(ARGV[4]) then return -1 end
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
            if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[6]) then return -2 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            return live""", Long.class);

    /** Drops a connection's claim (from its user's set and its app's); answers how many live ones the user still has. */
    private static final RedisScript<Long> UNREGISTER = RedisScript.of("""
            redis.call('ZREM', KEYS[2], ARGV[2])
            redis.call('ZREM', KEYS[1], ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            return redis.call('ZCARD', KEYS[1])""", Long.class);

    private static final Duration LAST_SEEN_KEPT = Duration.ofDays(90);

    private final StringRedisTemplate redis;
    private final String nodeId;
    private final Duration ttl;
    private final Clock clock;

    Presence(StringRedisTemplate redis, String nodeId, Duration ttl, Clock clock) {
        this.redis = redis;
        this.nodeId = nodeId;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The outcome of claiming a connection: refused (too many), or accepted and whether the user just came online. */
    enum Registration { TOO_MANY, APP_FULL, CAME_ONLINE, ANOTHER_DEVICE }

    /** Claims a connection unless its user has {@code maxPerUser} already, or its app {@code maxPerApp} (over all nodes). */
    Registration register(UserPrincipal user, String connectionId, int maxPerUser, int maxPerApp) {
        long now = clock.millis();
        Long before = redis.execute(REGISTER, List.of(connectionsKey(user), appConnectionsKey(user.app())), Long.toString(now),
                Long.toString(now + ttl.toMillis()), member(connectionId), Integer.toString(maxPerUser),
                Long.toString(ttl.toMillis()), Integer.toString(maxPerApp));
        if (before == null || before == -1) {
            return Registration.TOO_MANY;
        }
        if (before == -2) {
            return Registration.APP_FULL;
        }
        return before == 0 ? Registration.CAME_ONLINE : Registration.ANOTHER_DEVICE;
    }

    /** Drops a connection's claim; when it was the user's last anywhere, records when they were last seen and answers it. */
    Optional<Instant> unregister(UserPrincipal user, String connectionId) {
        long now = clock.millis();
        Long left = redis.execute(UNREGISTER, List.of(connectionsKey(user), appConnectionsKey(user.app())), Long.toString(now),
                member(connectionId));
        if (left != null && left > 0) {
            return Optional.empty();
        }
        redis.opsForValue().set(lastSeenKey(user), Long.toString(now), LAST_SEEN_KEPT.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(Instant.ofEpochMilli(now));
    }

    /** Renews this node's claims for its connections (and their keys' expiry), in one round trip. */
    void renew(List<Connection> connections) {
        if (connections.isEmpty()) {
            return;
        }
        double until = clock.millis() + ttl.toMillis();
        redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                for (Connection connection : connections) {
                    UserPrincipal user = connection.user();
                    if (user != null) {
                        String key = connectionsKey(user);
                        ops.opsForZSet().add(key, member(connection.id()), until);
                        ops.expire(key, ttl);
                        String appKey = appConnectionsKey(user.app());
                        ops.opsForZSet().add(appKey, member(connection.id()), until);
                        ops.expire(appKey, ttl);
                    }
                }
                return null;
            }
        });
    }

    /** The nodes each of {@code users} is connected to (users connected nowhere are left out), in one round trip. */
    Map<UserId, Set<String>> locate(AppRef app, List<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        double now = clock.millis();
        List<Object> claims = redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                for (UserId user : users) {
                    ops.opsForZSet().rangeByScore(connectionsKey(app, user), now, Double.POSITIVE_INFINITY);
                }
                return null;
            }
        });
        Map<UserId, Set<String>> located = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            if (claims.get(i) instanceof Set<?> entries && !entries.isEmpty()) {
                Set<String> nodes = new HashSet<>();
                for (Object entry : entries) {
                    String claim = entry instanceof Tuple tuple ? new String(tuple.getValue()) : entry.toString();
                    nodes.add(claim.substring(0, claim.indexOf('/')));
                }
                located.put(users.get(i), nodes);
            }
        }
        return located;
    }

    /** When each of {@code users}' last connection closed, for those it is known of, in one round trip. */
    Map<UserId, Instant> lastSeen(AppRef app, List<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        List<String> seen = redis.opsForValue().multiGet(users.stream()
                .map(user -> lastSeenKey(new UserPrincipal(app.tenantId(), app.appId(), user)))
                .toList());
        Map<UserId, Instant> known = new HashMap<>();
        for (int i = 0; seen != null && i < users.size(); i++) {
            if (seen.get(i) != null) {
                known.put(users.get(i), Instant.ofEpochMilli(Long.parseLong(seen.get(i))));
            }
        }
        return known;
    }

    /** Which of {@code users} have no live connection on any node. */
    List<UserId> offline(AppRef app, List<UserId> users) {
        Map<UserId, Set<String>> located = locate(app, users);
        List<UserId> offline = new ArrayList<>();
        for (UserId user : users) {
            if (!located.containsKey(user)) {
                offline.add(user);
            }
        }
        return offline;
    }

    private String member(String connectionId) {
        return nodeId + "/" + connectionId;
    }

    private static String connectionsKey(UserPrincipal user) {
        return connectionsKey(user.app(), user.userId());
    }

    private static String connectionsKey(AppRef app, UserId user) {
        return "t:" + app.tenantId() + ":a:" + app.appId() + ":u:" + user + ":conns";
    }

    /** Every live connection of an app, over all nodes: what its plan's concurrent-connection limit counts. */
    private static String appConnectionsKey(AppRef app) {
        return "t:" + app.tenantId() + ":a:" + app.appId() + ":conns";
    }

    private static String lastSeenKey(UserPrincipal user) {
        return "t:" + user.tenantId() + ":a:" + user.appId() + ":u:" + user.userId() + ":seen";
    }
}
