package io.linnet.bench.push;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Linnet server as its own process, started from the runnable jar against the benchmark's PostgreSQL and Redis,
 * with its push providers pointed at the local mock and fake: the only way to tell it where APNs and FCM are is
 * its settings, which must be known before it starts.
 */
final class ServerProcess implements AutoCloseable {

    static final String OPERATOR = "bench@linnet.test";

    private final Process process;
    private final Path log;
    private final String api;
    private final String operatorPassword;

    private ServerProcess(Process process, Path log, String api, String operatorPassword) {
        this.process = process;
        this.log = log;
        this.api = api;
        this.operatorPassword = operatorPassword;
    }

    static ServerProcess start(Options options, Map<String, String> push, Path workDir) throws Exception {
        int port = freePort();
        String password = "bench-operator-" + System.nanoTime();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options.serverOpts().split("\\s+")));
        command.addAll(List.of("-jar", options.serverJar()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("LINNET_GATEWAY_PORT", String.valueOf(freePort()));
        env.put("LINNET_DATA_DIR", workDir.resolve("data").toString());
        env.put("LINNET_DB_URL", options.dbUrl());
        env.put("LINNET_DB_USER", options.dbUser());
        env.put("LINNET_DB_PASSWORD", options.dbPassword());
        env.put("LINNET_REDIS_URL", options.redisUrl());
        env.put("LINNET_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        env.put("LINNET_OPERATOR_EMAIL", OPERATOR);
        env.put("LINNET_OPERATOR_PASSWORD", password);
        env.put("VAADIN_USAGE_STATS_ENABLED", "false");
        env.putAll(push);
        Path log = workDir.resolve("server.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ServerProcess server = new ServerProcess(builder.start(), log, "http://127.0.0.1:" + port, password);
        server.awaitReady();
        return server;
    }

    String api() {
        return api;
    }

    String operatorPassword() {
        return operatorPassword;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(api + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200 && Files.readString(log).contains("Linnet is ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not get ready in 3 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
