package io.linnet.server.embedded;

import io.linnet.server.LinnetSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * The data directory of embedded mode ({@code LINNET_DATA_DIR}): made private to the server's user
 * (0700, and whatever earlier versions left readable by others is taken back), and locked for as long
 * as this server runs, so that a second server started on the same directory stops at once with a
 * clear message instead of fighting over, or stopping, the first one's PostgreSQL and Redis. With an
 * external database and Redis nothing of the directory is used and nothing is locked.
 */
public final class DataDirectory implements AutoCloseable {

    private final Path path;
    private final DirectoryLock lock;

    private DataDirectory(Path path, DirectoryLock lock) {
        this.path = path;
        this.lock = lock;
    }

    public static DataDirectory open(LinnetSettings settings) {
        Path path = settings.dataDir().toAbsolutePath().normalize();
        if (!settings.embeddedDatabase() && !settings.embeddedRedis()) {
            return new DataDirectory(path, null);
        }
        PrivateFiles.directory(path);
        DirectoryLock lock = DirectoryLock.acquire(path.resolve("linnet.lock"), "The data directory " + path);
        // only what Linnet keeps there: a data directory set to a shared place must not have its other files changed
        for (String own : List.of("master.key", "postgres", "postgres.password", "postgres.log", "redis", "redis.password",
                "redis.log", "runtime")) {
            PrivateFiles.restrict(path.resolve(own));
        }
        return new DataDirectory(path, lock);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }
}
