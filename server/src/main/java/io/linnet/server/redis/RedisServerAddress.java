package io.linnet.server.redis;

import java.net.URI;
import java.util.Optional;

/**
 * The Redis server this node uses: the one at {@code LINNET_REDIS_URL}, or the embedded one this
 * process started (stopped with the application context, and reachable for the fault drills).
 */
public record RedisServerAddress(String url, AutoCloseable embedded) implements AutoCloseable {

    /** The embedded server, when this node runs one. */
    public <T> Optional<T> embedded(Class<T> type) {
        return type.isInstance(embedded) ? Optional.of(type.cast(embedded)) : Optional.empty();
    }

    /** The URL may carry the password: never in a log line. */
    @Override
    public String toString() {
        URI uri = URI.create(url);
        return "RedisServerAddress[" + uri.getHost() + ":" + uri.getPort() + "]";
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
