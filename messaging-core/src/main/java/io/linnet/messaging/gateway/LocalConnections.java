package io.linnet.messaging.gateway;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.UserId;
import io.linnet.messaging.user.UserPrincipal;
import io.linnet.tenancy.TenantId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The authenticated connections this node holds, by user (a user may have several devices). */
final class LocalConnections {

    private final Map<UserPrincipal, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    void add(Connection connection) {
        byUser.computeIfAbsent(connection.user(), user -> ConcurrentHashMap.newKeySet()).add(connection);
        count.incrementAndGet();
    }

    /** Removes a connection; true when it was the user's last one on this node. */
    boolean remove(Connection connection) {
        boolean[] last = {false};
        byUser.computeIfPresent(connection.user(), (user, connections) -> {
            if (connections.remove(connection)) {
                count.decrementAndGet();
            }
            last[0] = connections.isEmpty();
            return connections.isEmpty() ? null : connections;
        });
        return last[0];
    }

    Collection<Connection> of(AppRef app, UserId user) {
        Set<Connection> connections = byUser.get(new UserPrincipal(app.tenantId(), app.appId(), user));
        return connections == null ? List.of() : connections;
    }

    boolean has(AppRef app, UserId user) {
        return !of(app, user).isEmpty();
    }

    /** Every connection of a tenant's users, to close them when it is suspended or deleted. */
    List<Connection> ofTenant(TenantId tenant) {
        return byUser.entrySet().stream()
                .filter(entry -> entry.getKey().tenantId().equals(tenant))
                .flatMap(entry -> entry.getValue().stream())
                .toList();
    }

    /** Every connection, for renewing their presence and for closing them at shutdown. */
    List<Connection> all() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }

    int size() {
        return count.get();
    }
}
