package io.linnet.bench.chat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling the chat figures are compared with: how many single-row INSERT commits per second
 * PostgreSQL takes from as many connections as the server's pool has, into a table of the same
 * shape as {@code messages} (columns, defaults, checks, primary key and unique indexes, copied
 * with {@code LIKE messages INCLUDING ALL}; no row-level security and no foreign key, so this is
 * the table's own cost), with the server's durability settings. It connects as the schema owner,
 * creates a scratch table, and drops it afterwards.
 */
final class InsertCeiling {

    private static final String TABLE = "bench_insert_ceiling";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String url;
    private final String user;
    private final String password;
    private final ServerProbe probe;

    InsertCeiling(String url, String user, String password, ServerProbe probe) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.probe = probe;
    }

    /** What one measurement found. */
    record Result(int connections, double commitsPerSecond, Latency.Summary latency, String synchronousCommit, String fsync, String cpu) {

        String markdown() {
            return String.format(Locale.ROOT, """
                            | connections | INSERT commits/s | p50 ms | p95 | p99 | p99.9 | max |
                            |---:|---:|---:|---:|---:|---:|---:|
                            | %d | %,.0f | %s |

                            - PostgreSQL: synchronous_commit=%s, fsync=%s; one autocommitted single-row INSERT per statement
                              into a copy of `messages` (`LIKE messages INCLUDING ALL`), the body the same text JSON as the chat sends
                            - %s""",
                    connections, commitsPerSecond, latency.cells(), synchronousCommit, fsync, cpu);
        }
    }

    Result measure(int connections, Duration warmup, Duration measure, int textBytes) throws Exception {
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement statement = admin.createStatement()) {
            statement.execute("drop table if exists " + TABLE);
            statement.execute("create table " + TABLE + " (like messages including all)");
            String synchronousCommit = setting(statement, "synchronous_commit");
            String fsync = setting(statement, "fsync");
            try {
                Report.progress("ceiling: %d connections, warming up %d s", connections, warmup.toSeconds());
                run(connections, warmup, textBytes, new Latency());
                Report.progress("ceiling: measuring %d s", measure.toSeconds());
                Latency latency = new Latency();
                var cpuFrom = probe.cpu();
                long commits = run(connections, measure, textBytes, latency);
                String cpu = ServerProbe.cpuShare(cpuFrom, probe.cpu(), measure);
                return new Result(connections, commits / (measure.toNanos() / 1e9), latency.summary(), synchronousCommit, fsync, cpu);
            } finally {
                statement.execute("drop table if exists " + TABLE);
            }
        }
    }

    private long run(int connections, Duration duration, int textBytes, Latency latency) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder commits = new LongAdder();
        UUID tenant = UUID.randomUUID();
        UUID app = UUID.randomUUID();
        String body = "{\"type\": \"text\", \"text\": \"" + "x".repeat(textBytes) + "\"}";
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int client = c;
                workers.add(threads.submit(() -> {
                    UUID conversation = UUID.randomUUID();
                    try (Connection connection = DriverManager.getConnection(url, user, password);
                         PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                                 + " (tenant_id, app_id, conversation_id, seq, id, sender_id, client_msg_id, body)"
                                 + " values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")) {
                        connection.setAutoCommit(true);
                        for (long seq = 1; !stop.get(); seq++) {
                            insert.setObject(1, tenant);
                            insert.setObject(2, app);
                            insert.setObject(3, conversation);
                            insert.setLong(4, seq);
                            insert.setObject(5, timeOrderedId());
                            insert.setString(6, "sender-" + client);
                            insert.setString(7, client + "." + seq);
                            insert.setString(8, body);
                            long started = System.nanoTime();
                            insert.executeUpdate();
                            latency.recordNanos(System.nanoTime() - started);
                            commits.increment();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(duration);
            stop.set(true);
            long counted = commits.sum();
            for (Future<?> worker : workers) {
                worker.get();
            }
            return counted;
        }
    }

    /** A UUIDv7, as the server gives messages: time-ordered, so the unique index on ids grows at its right edge. */
    static UUID timeOrderedId() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        ByteBuffer bytes = ByteBuffer.wrap(random);
        long high = (System.currentTimeMillis() << 16) | 0x7000 | (bytes.getShort() & 0x0FFF);
        long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (var result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
