package io.linnet.server.realtime;

import io.linnet.server.database.DatabaseServer;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Another Linnet server process (the packaged jar, as operators run it) sharing the test
 * server's PostgreSQL and Redis: a second node of the same cluster. It can be stopped, or killed
 * outright as a crashed node would be.
 */
final class SecondNode implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int gatewayPort;
    private final Path log;

    private SecondNode(Process process, int httpPort, int gatewayPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.gatewayPort = gatewayPort;
        this.log = log;
    }

    /** Starts the jar against the database and Redis of {@code first}; {@code settings} are extra {@code --key=value} arguments. */
    static SecondNode start(ApplicationContext first, List<String> settings) throws Exception {
        DatabaseServer database = first.getBean(DatabaseServer.class);
        LettuceConnectionFactory redis = first.getBean(LettuceConnectionFactory.class);
        Path dataDir = Path.of(first.getEnvironment().getRequiredProperty("linnet.data-dir"));
        String masterKey = Files.readString(dataDir.resolve("master.key"), StandardCharsets.US_ASCII).trim();
        Path jar = Path.of("target", "linnet-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the server first: " + jar.toAbsolutePath() + " is missing");
        }
        int httpPort = freePort();
        int gatewayPort = freePort();
        Path log = Files.createDirectories(Path.of("target", "second-node")).resolve("node-" + httpPort + ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--server.port=" + httpPort,
                "--linnet.gateway.port=" + gatewayPort,
                "--linnet.data-dir=" + Files.createTempDirectory("linnet-second-node"),
                "--linnet.db.url=" + database.jdbcUrl(),
                "--linnet.db.user=" + database.ownerUser(),
                "--linnet.db.password=" + database.ownerPassword(),
                "--linnet.redis-url=redis://" + redis.getHostName() + ":" + redis.getPort(),
                "--linnet.master-key=" + masterKey,
                "--linnet.operator.email=" + ServerIT.OPERATOR_EMAIL,
                "--linnet.operator.password=" + ServerIT.OPERATOR_PASSWORD));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SecondNode node = new SecondNode(process, httpPort, gatewayPort, log);
        node.awaitReady();
        return node;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The second node exited; see " + log.toAbsolutePath());
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
            throw new IllegalStateException("The second node did not get ready in time; see " + log.toAbsolutePath());
        }
    }

    Api api() {
        return new Api("http://localhost:" + httpPort);
    }

    URI gateway() {
        return URI.create("ws://localhost:" + gatewayPort + "/v1/ws");
    }

    /** Kills the process outright (SIGKILL): no shutdown, no goodbyes, as a crashed machine. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
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
