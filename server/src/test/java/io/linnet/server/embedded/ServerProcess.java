package io.linnet.server.embedded;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerJar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged server jar run as operators run it, in embedded mode on a data directory of its own:
 * a real process, with its own embedded PostgreSQL and Redis, that a test can kill with
 * {@code kill -9} and start again on the same directory.
 */
final class ServerProcess implements AutoCloseable {

    static final String OPERATOR_EMAIL = "root@crash.test";
    static final String OPERATOR_PASSWORD = "crash-operator-password";

    private final ServerJar server;
    private final Duration startedIn;

    private ServerProcess(ServerJar server, Duration startedIn) {
        this.server = server;
        this.startedIn = startedIn;
    }

    /** Starts the jar on {@code dataDir} and answers once it is ready, waiting at most {@code readyWithin}. */
    static ServerProcess start(Path dataDir, Duration readyWithin, List<String> settings) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--linnet.data-dir=" + dataDir.toAbsolutePath(),
                "--linnet.operator.email=" + OPERATOR_EMAIL,
                "--linnet.operator.password=" + OPERATOR_PASSWORD));
        arguments.addAll(settings);
        long launched = System.nanoTime();
        ServerJar server = ServerJar.start("512m", arguments, Path.of("target", "crash-recovery"), readyWithin);
        return new ServerProcess(server, Duration.ofNanos(System.nanoTime() - launched));
    }

    /** From launching the process to its answering ready. */
    Duration startedIn() {
        return startedIn;
    }

    Api api() {
        return server.api();
    }

    ProcessHandle handle() {
        return server.handle();
    }

    Path log() {
        return server.log();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no goodbye to PostgreSQL or Redis. */
    void killDashNine() throws InterruptedException {
        server.kill();
    }

    @Override
    public void close() {
        server.close();
    }
}
