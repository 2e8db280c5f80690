package io.linnet.server.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Redis server started by the Linnet process on a free loopback port, keeping its data (an
 * append-only file) in {@code dataDir}.
 *
 * <p>Locked down: {@code requirepass} with a generated password (in {@code redis.password} beside
 * the directory, 0600; the configuration file that carries it is 0600 too and the password is on no
 * command line), {@code bind 127.0.0.1} with {@code protected-mode yes}, files written with umask 077.
 *
 * <p>Crash-proof: it runs under a {@link GuardedProcess} that stops it when this JVM dies, and a
 * Redis still working in this directory from an earlier process is shut down (SIGTERM: it flushes
 * its append-only file and exits) before this one starts, so two never append to the same file.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(15);

    private final List<String> command;
    private final Path output;
    private final Path workingDirectory;
    private final DirectoryLock lock;
    private final int port;
    private final String password;
    private volatile GuardedProcess process;

    private EmbeddedRedisServer(List<String> command, Path output, Path workingDirectory, GuardedProcess process,
                                DirectoryLock lock, int port, String password) {
        this.command = command;
        this.output = output;
        this.workingDirectory = workingDirectory;
        this.process = process;
        this.lock = lock;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedRedisServer start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path parent = PrivateFiles.directory(dir.getParent());
        DirectoryLock lock = DirectoryLock.acquire(parent.resolve(dir.getFileName() + ".lock"), "The Redis data directory " + dir);
        try {
            PrivateFiles.directory(dir);
            Path executable = executable(parent.resolve("runtime"));
            String password = PrivateFiles.password(parent.resolve(dir.getFileName() + ".password"));
            Path output = PrivateFiles.emptyFile(parent.resolve(dir.getFileName() + ".log"));
            stopOrphans(dir);
            PrivateFiles.restrict(dir);
            int port = freePort();
            Path config = dir.resolve("redis.conf");
            PrivateFiles.write(config, """
                    # Written by Linnet at every start.
                    port %d
                    bind 127.0.0.1
                    protected-mode yes
                    requirepass %s
                    dir "%s"
                    appendonly yes
                    save ""
                    daemonize no
                    """.formatted(port, password, dir.toString().replace("\\", "\\\\").replace("\"", "\\\"")));
            List<String> command = List.of(executable.toString(), config.toString());
            GuardedProcess process = GuardedProcess.start("the embedded Redis", command, "TERM", output, parent);
            EmbeddedRedisServer server = new EmbeddedRedisServer(command, output, parent, process, lock, port, password);
            try {
                server.awaitReady(output);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            log.info("Embedded Redis started on 127.0.0.1:{} with data in {}", port, dir);
            return server;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The address with the password, as {@code LINNET_REDIS_URL} would give it. */
    public String url() {
        return "redis://:" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Redis names itself {@code redis-server 127.0.0.1:port} and works in its {@code dir}: a
     * redis-server whose working directory is this one is an orphan of an earlier process (this process
     * holds the directory's lock). Found by its working directory rather than a pid file, so orphans of
     * earlier versions, which wrote none, are found too.
     */
    private static void stopOrphans(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return;
        }
        ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> GuardedProcess.commandLine(process.pid()).contains("redis-server")
                        || process.info().command().filter(command -> command.contains("redis-server")).isPresent())
                .filter(process -> GuardedProcess.workingDirectory(process.pid()).filter(real::equals).isPresent())
                .toList()
                .forEach(orphan -> GuardedProcess.stopOrphan("Redis", orphan, "TERM", ORPHAN_SHUTDOWN));
    }

    /** The redis-server binary shipped in the jar, copied into {@code runtime} (0700) rather than a shared temporary directory. */
    private static Path executable(Path runtime) {
        try {
            Path directory = PrivateFiles.directory(runtime.resolve("redis"));
            Path executable = ExecutableProvider.newJarResourceProvider(directory.toFile()).get().toPath();
            PrivateFiles.restrict(directory);
            executable.toFile().setExecutable(true, true);
            return executable;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the Redis binary into " + runtime, e);
        }
    }

    /** Ready when it answers a PING after AUTH with the password. */
    private void awaitReady(Path output) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The embedded Redis exited while starting; see " + output);
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded Redis", e);
            }
        }
        throw new IllegalStateException("The embedded Redis did not answer within " + STARTUP.toSeconds() + " s; see " + output);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write(("*2\r\n$4\r\nAUTH\r\n$" + password.length() + "\r\n" + password + "\r\n*1\r\n$4\r\nPING\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] expected = "+OK\r\n+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
            byte[] answer = in.readNBytes(expected.length);
            return java.util.Arrays.equals(answer, expected);
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * Stops Redis as an outage would (every connection is cut); what it had written to its data
     * directory stays, and so does this server's hold on the directory: for the fault drills.
     */
    public synchronized void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** Starts the stopped Redis again on the same port and data directory. */
    public synchronized void restart() {
        process = GuardedProcess.start("the embedded Redis", command, "TERM", output, workingDirectory);
        awaitReady(output);
        log.info("Embedded Redis restarted on 127.0.0.1:{}", port);
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
