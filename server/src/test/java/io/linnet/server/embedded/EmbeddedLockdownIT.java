package io.linnet.server.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Embedded PostgreSQL and Redis are no open door for the other users of the machine: a login without
 * the generated password is refused, the files are the server's user's alone, a data directory of an
 * earlier version (trust logins, no password) is locked down at its first start, and a server left
 * running by a killed process is stopped before a new one starts on its files.
 */
class EmbeddedLockdownIT {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dataDir;

    @Test
    void postgres_refuses_a_login_without_the_generated_password_and_accepts_one_with_it() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"))) {
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, "").close())
                    .as("no password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, "guessed").close())
                    .as("a wrong password").isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, postgres.password());
                 Statement statement = connection.createStatement()) {
                var settings = statement.executeQuery("select current_setting('listen_addresses'), current_setting('unix_socket_directories')");
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("127.0.0.1");
                assertThat(settings.getString(2)).as("no Unix socket").isEmpty();
            }
            assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^\\s*[^#].*\\btrust\\b")
                    .doesNotContainPattern("(?m)^\\s*local\\b");
        }
    }

    @Test
    void redis_refuses_commands_without_the_generated_password_and_answers_with_it() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir.resolve("redis"))) {
            assertThat(redisSays(redis.port(), "PING")).startsWith("-NOAUTH");
            assertThat(redisSays(redis.port(), "AUTH", "guessed")).startsWith("-WRONGPASS");
            assertThat(redisSays(redis.port(), "AUTH", redis.password(), "PING")).isEqualTo("+OK\r\n+PONG\r\n");
            assertThat(redisSays(redis.port(), "AUTH", redis.password(), "CONFIG", "GET", "bind"))
                    .contains("127.0.0.1");
        }
    }

    @Test
    void the_data_directory_and_everything_in_it_are_private_to_the_servers_user() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
             EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir.resolve("redis"))) {
            assertThat(redisSays(redis.port(), "AUTH", redis.password(), "SET", "k", "v")).isEqualTo("+OK\r\n+OK\r\n");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres.password"))).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(everythingUnder(dataDir)).as("files and directories with group or others permissions")
                    .filteredOn(path -> !Files.isSymbolicLink(path))
                    .filteredOn(path -> !java.util.Collections.disjoint(permissions(path), GROUP_OR_OTHERS))
                    .isEmpty();
            assertThat(everythingUnder(dataDir)).as("Redis's append-only files are there, and private")
                    .anyMatch(path -> path.getFileName().toString().startsWith("appendonly"));
        }
    }

    @Test
    void a_data_directory_of_an_earlier_version_with_trust_logins_and_its_orphaned_server_is_locked_down_at_the_next_start()
            throws Exception {
        Path directory = dataDir.resolve("postgres");
        // what earlier versions did: initdb with trust, a postmaster started with pg_ctl that outlives a killed JVM
        EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
        try (Connection connection = earlier.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('written before the upgrade')");
        }
        long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory)) {
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphaned postmaster was stopped").isEmpty();
            assertThat(postgres.pid()).isNotEqualTo(orphan);
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, "").close())
                    .as("trust is gone").isInstanceOf(SQLException.class);
            String url = postgres.jdbcUrl().replace("/" + EmbeddedPostgresServer.DATABASE, "/postgres");
            try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.SUPERUSER, postgres.password());
                 Statement statement = connection.createStatement()) {
                var kept = statement.executeQuery("select note from kept");
                kept.next();
                assertThat(kept.getString(1)).isEqualTo("written before the upgrade");
            }
        }
    }

    @Test
    void an_orphaned_redis_still_appending_to_the_directory_is_shut_down_before_the_new_one_starts() throws Exception {
        Path directory = Files.createDirectories(dataDir.resolve("redis"));
        // what earlier versions left behind after a kill -9: a redis-server working in the same directory
        RedisServer earlier = RedisServer.newRedisServer().port(freePort()).bind("127.0.0.1")
                .setting("dir " + directory.toAbsolutePath()).setting("appendonly yes").build();
        earlier.start();
        long orphan = ProcessHandle.allProcesses()
                .filter(process -> GuardedProcess.workingDirectory(process.pid()).filter(realPath(directory)::equals).isPresent())
                .findFirst().orElseThrow().pid();
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(directory)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(orphan).filter(ProcessHandle::isAlive).isEmpty());
            assertThat(redis.pid()).isNotEqualTo(orphan);
            assertThat(ProcessHandle.allProcesses()
                    .filter(process -> GuardedProcess.workingDirectory(process.pid()).filter(path -> path.equals(realPath(directory))).isPresent())
                    .map(ProcessHandle::pid).toList())
                    .as("one Redis works in the directory").containsExactly(redis.pid());
        } finally {
            earlier.stop();
        }
    }

    @Test
    void a_second_server_on_the_same_directory_is_refused_at_start_with_a_clear_message() {
        try (EmbeddedRedisServer first = EmbeddedRedisServer.start(dataDir.resolve("redis"))) {
            assertThatThrownBy(() -> EmbeddedRedisServer.start(dataDir.resolve("redis")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another Linnet server")
                    .hasMessageContaining("LINNET_DATA_DIR");
            assertThat(redisSays(first.port(), "AUTH", first.password(), "PING")).as("the first one is untouched").isEqualTo("+OK\r\n+PONG\r\n");
        }
    }

    /** Sends one command per argument group ({@code AUTH x PING} is two) in RESP and answers the raw replies. */
    static String redisSays(int port, String... words) {
        List<List<String>> commands = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; ) {
            int arguments = switch (words[i]) {
                case "AUTH" -> 2;
                case "SET" -> 3;
                case "CONFIG" -> 3;
                default -> 1;
            };
            commands.add(List.of(words).subList(i, i + arguments));
            i += arguments;
        }
        StringBuilder request = new StringBuilder();
        for (List<String> command : commands) {
            request.append('*').append(command.size()).append("\r\n");
            command.forEach(word -> request.append('$').append(word.length()).append("\r\n").append(word).append("\r\n"));
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> everythingUnder(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.toList();
        }
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
