package io.linnet.server.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 17 server started by the Linnet process, keeping its data in {@code dataDir}, so that
 * one command runs the whole platform with no installs. Its superuser owns the schema.
 *
 * <p>Locked down: the superuser has a generated password (in {@code postgres.password} beside the
 * data directory, 0600), every login is SCRAM over loopback TCP ({@code pg_hba.conf} has no
 * {@code trust} and no Unix-socket line, and there is no socket), and the binaries are unpacked into
 * the private data directory rather than a shared temporary one. A data directory made by an earlier
 * version (trust, no password) is brought to this state at its first start: the password is set in
 * single-user mode, which opens no connection at all, before the server listens.
 *
 * <p>Crash-proof: the server runs under a {@link GuardedProcess} that stops it when this JVM dies,
 * and a server still running on this data directory from an earlier process is stopped cleanly
 * before this one starts, so the next start after a {@code kill -9} succeeds the first time.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "linnet";
    public static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(15);
    /** Rewritten at every start, so a data directory of an earlier version loses its trust lines. */
    private static final String HBA = """
            # Written by Linnet at every start: password (SCRAM) logins over loopback TCP only.
            # No trust, no Unix-socket logins: other users of this machine cannot connect without the password.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;

    private final Path binaries;
    private final Path dir;
    private final Path output;
    private final DirectoryLock lock;
    private final int port;
    private final String password;
    private volatile GuardedProcess process;

    private EmbeddedPostgresServer(Path binaries, Path dir, Path output, GuardedProcess process, DirectoryLock lock, int port,
                                   String password) {
        this.binaries = binaries;
        this.dir = dir;
        this.output = output;
        this.process = process;
        this.lock = lock;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        long started = System.nanoTime();
        Path dir = dataDir.toAbsolutePath().normalize();
        Path parent = PrivateFiles.directory(dir.getParent());
        DirectoryLock lock = DirectoryLock.acquire(parent.resolve(dir.getFileName() + ".lock"), "The PostgreSQL data directory " + dir);
        try {
            Path binaries = binaries(parent.resolve("runtime"));
            String password = PrivateFiles.password(parent.resolve(dir.getFileName() + ".password"));
            Path output = PrivateFiles.emptyFile(parent.resolve(dir.getFileName() + ".log"));
            stopOrphan(dir);
            boolean created = false;
            if (!Files.exists(dir.resolve("PG_VERSION"))) {
                initdb(binaries, dir, parent.resolve(dir.getFileName() + ".password"), output);
                created = true;
            }
            PrivateFiles.write(dir.resolve("pg_hba.conf"), HBA);
            PrivateFiles.restrict(dir);
            if (!created) {
                setSuperuserPassword(binaries, dir, password);
            }
            int port = freePort();
            GuardedProcess process = GuardedProcess.start("the embedded PostgreSQL", postgres(binaries, dir, port), "INT", output, parent);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(binaries, dir, output, process, lock, port, password);
            try {
                server.awaitReady(output);
                server.createDatabase();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)", port, dir,
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Stops the database as an operator's restart would (open connections are cut), keeping its data
     * and this server's hold on the directory: for the fault drills.
     */
    public synchronized void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** Starts the stopped database again on the same port and data directory, as it was before {@link #stop()}. */
    public synchronized void restart() {
        process = GuardedProcess.start("the embedded PostgreSQL", postgres(binaries, dir, port), "INT", output, dir.getParent());
        awaitReady(output);
        log.info("Embedded PostgreSQL restarted on 127.0.0.1:{}", port);
    }

    /** The database's address, naming no user: each pool connects with its own role. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The superuser's generated password, which the migrations connect with. */
    public String password() {
        return password;
    }

    /** The postmaster's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * A postmaster still running on {@code dir} can only be an orphan: this process holds the data
     * directory's lock, so no live Linnet server owns it. A fast shutdown (SIGINT) lets it write its
     * checkpoint; PostgreSQL would otherwise refuse to start on the directory ("lock file
     * postmaster.pid already exists"). A postmaster.pid naming a process that is no postgres of this
     * directory (the id was reused after a reboot) is stale and removed.
     */
    private static void stopOrphan(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().trim());
            Optional<ProcessHandle> running = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (running.isPresent() && isPostgresOf(pid, dir)) {
                GuardedProcess.stopOrphan("PostgreSQL", running.get(), "INT", ORPHAN_SHUTDOWN);
            } else if (running.isPresent()) {
                log.warn("Removing the stale {}: process {} is no PostgreSQL of this directory", pidFile, pid);
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not read {}; leaving it to PostgreSQL", pidFile, e);
        }
    }

    /** A postmaster works in its data directory, whatever path it was started with (earlier versions gave a relative one). */
    private static boolean isPostgresOf(long pid, Path dir) {
        String program = GuardedProcess.commandLine(pid).split("\0", 2)[0];
        try {
            Path real = dir.toRealPath();
            return program.endsWith("postgres") && GuardedProcess.workingDirectory(pid).filter(real::equals).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static void initdb(Path binaries, Path dir, Path passwordFile, Path output) {
        List<String> command = asServerUser(binaries.resolve("bin/initdb"));
        command.addAll(List.of("-D", dir.toString(), "-U", SUPERUSER, "-E", "UTF-8",
                "--auth=scram-sha-256", "--pwfile=" + passwordFile));
        run(command, output, null, "initdb");
    }

    /**
     * Sets the superuser's password in single-user mode: no listener, no connection, so a data
     * directory of an earlier version is never open to anyone while it gets its password. It runs at
     * every start of an existing directory, which keeps the password file the one truth. The
     * password goes in on standard input (never on a command line, which other users can read) and
     * the output is discarded, since an error message would quote the statement.
     */
    private static void setSuperuserPassword(Path binaries, Path dir, String password) {
        List<String> command = asServerUser(binaries.resolve("bin/postgres"));
        command.addAll(List.of("--single", "-D", dir.toString(), "-c", "listen_addresses=", "-c", "unix_socket_directories=",
                "-c", "password_encryption=scram-sha-256", "postgres"));
        run(command, null, "alter role " + SUPERUSER + " with login password '" + password + "';\n", "setting the superuser's password");
    }

    private static List<String> postgres(Path binaries, Path dir, int port) {
        List<String> command = asServerUser(binaries.resolve("bin/postgres"));
        command.addAll(List.of("-D", dir.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "password_encryption=scram-sha-256",
                "-c", "max_connections=200",
                "-c", "timezone=UTC",
                // a commit is written out (to the operating system) before it is acknowledged, so a kill -9
                // of PostgreSQL or of the server loses nothing acknowledged; fsync stays off, as it was
                // with the library this replaced (-F): embedded mode is for one machine, and a power cut
                // there may lose the last commits. Production uses an external PostgreSQL.
                "-c", "synchronous_commit=on",
                "-c", "fsync=off"));
        return command;
    }

    /**
     * PostgreSQL refuses to run as root. Run as root (a container, CI), it goes into a user namespace
     * of its own ({@code unshare -U}), where it is nobody, as the library that ships the binaries does.
     */
    private static List<String> asServerUser(Path binary) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binary.toString());
        return command;
    }

    private static void run(List<String> command, Path output, String input, String what) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(output.toFile()));
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL's " + what + " did not finish in time");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL's " + what + " failed with exit code " + process.exitValue()
                        + (output == null ? "" : "; see " + output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run PostgreSQL's " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        }
    }

    /**
     * Unpacks the PostgreSQL binaries shipped in the jar into {@code runtime} (0700, beside the data),
     * once per version: a shared, world-writable temporary directory would let another user of the
     * machine swap the binaries this server runs.
     */
    private static Path binaries(Path runtime) {
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture())) {
            byte[] bytes = archive.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path target = PrivateFiles.directory(runtime).resolve("postgres-" + digest);
            if (Files.exists(target.resolve(".complete"))) {
                return target;
            }
            Path unpacking = runtime.resolve("postgres-" + digest + ".unpacking");
            deleteTree(unpacking);
            PrivateFiles.directory(unpacking);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(bytes)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path path = unpacking.resolve(entry.getName()).normalize();
                    if (!path.startsWith(unpacking)) {
                        throw new IllegalStateException("The PostgreSQL archive has an entry outside its root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        PrivateFiles.directory(path);
                    } else if (entry.isSymbolicLink()) {
                        PrivateFiles.directory(path.getParent());
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else {
                        PrivateFiles.directory(path.getParent());
                        Files.copy(tar, path);
                        if (path.getParent().getFileName().toString().equals("bin")) {
                            path.toFile().setExecutable(true, true);
                        }
                    }
                }
            }
            PrivateFiles.restrict(unpacking);
            PrivateFiles.emptyFile(unpacking.resolve(".complete"));
            deleteTree(target);
            Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + runtime, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void awaitReady(Path output) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The embedded PostgreSQL exited while starting; see " + output);
            }
            try (Connection ignored = DriverManager.getConnection(superuserUrl("postgres"), SUPERUSER, password)) {
                return;
            } catch (SQLException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded PostgreSQL", e);
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL did not accept connections within "
                + STARTUP.toSeconds() + " s; see " + output, last);
    }

    private String superuserUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void createDatabase() {
        try (Connection connection = DriverManager.getConnection(superuserUrl("postgres"), SUPERUSER, password);
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            process.stop(Duration.ofSeconds(30));
        } finally {
            lock.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
