package io.linnet.server.support;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged server jar run as a process of its own, as operators run it: a second node of the
 * test cluster, or an embedded-mode server a test can {@code kill -9} and start again. Ready when
 * its readiness probe answers and its real-time gateway listens.
 */
public final class ServerJar implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int gatewayPort;
    private final Path log;

    private ServerJar(Process process, int httpPort, int gatewayPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.gatewayPort = gatewayPort;
        this.log = log;
    }

    /**
     * Starts {@code target/linnet-server.jar} with a heap of {@code heap}, free HTTP and gateway
     * ports and {@code settings} ({@code --key=value}), logging to {@code logDir}, and answers once it
     * is ready, waiting at most {@code readyWithin}.
     */
    public static ServerJar start(String heap, List<String> settings, Path logDir, Duration readyWithin) throws IOException {
        Path jar = Path.of("target", "linnet-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the server first: " + jar.toAbsolutePath() + " is missing");
        }
        for (int attempt = 1; ; attempt++) {
            int httpPort = freePort();
            int gatewayPort = freePort();
            Path log = Files.createDirectories(logDir).resolve("server-" + httpPort + ".log");
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap, "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString(),
                    "--server.port=" + httpPort,
                    "--linnet.gateway.port=" + gatewayPort));
            command.addAll(settings);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServerJar server = new ServerJar(process, httpPort, gatewayPort, log);
            try {
                server.awaitReady(readyWithin);
                return server;
            } catch (IllegalStateException failed) {
                // A port found free can be taken by another process before the server binds it: a race of
                // the test's port choice, not a failure of the server, so it starts again on other ports.
                if (attempt < 3 && !process.isAlive() && Files.readString(log).contains("was already in use")) {
                    continue;
                }
                throw failed;
            }
        }
    }

    private void awaitReady(Duration readyWithin) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(readyWithin).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server exited while starting; see " + log.toAbsolutePath());
                }
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return ready.statusCode() == 200 && Files.readString(log).contains("Real-time gateway listening");
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException late) {
            close();
            throw new IllegalStateException("The server was not ready within " + readyWithin.toSeconds() + " s; see "
                    + log.toAbsolutePath(), late);
        }
    }

    public Api api() {
        return new Api("http://localhost:" + httpPort);
    }

    public URI gateway() {
        return URI.create("ws://localhost:" + gatewayPort + "/v1/ws");
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9} or a crashed machine: no shutdown hook, no goodbye to anyone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the server as an operator would (SIGTERM), or kills it when it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
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
