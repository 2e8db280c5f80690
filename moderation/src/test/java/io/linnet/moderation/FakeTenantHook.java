package io.linnet.moderation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tenant's pre-send hook on a local port, as a tenant would write one: it checks each request's signature with
 * its copy of the secret and refuses an unsigned or forged request with 401, else answers what the test set.
 * Every request is kept in {@link #received()}.
 */
final class FakeTenantHook implements AutoCloseable {

    /** What the hook answers; {@code signature} null means no signature header. */
    record Reply(int status, byte[] body, String signature, Map<String, String> headers) {
    }

    /** A request the hook got, and whether its signature held. */
    record Received(Map<String, List<String>> headers, byte[] body, boolean signatureValid) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    @FunctionalInterface
    interface Answer {
        Reply to(byte[] request) throws Exception;
    }

    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer;

    FakeTenantHook(String secret) throws IOException {
        this.secret = secret;
        this.answer = request -> signed("{\"action\":\"allow\"}");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return received;
    }

    void answers(Answer answer) {
        this.answer = answer;
    }

    /** A 200 with this JSON, signed as a tenant should sign it: with the shared secret, now. */
    Reply signed(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Reply(200, body, PreSendHooks.sign(secret, Instant.now().getEpochSecond(), body), Map.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            boolean valid = PreSendHooks.verify(secret, exchange.getRequestHeaders().getFirst(PreSendHooks.SIGNATURE_HEADER),
                    request, Instant.now(), PreSendHooks.REPLAY_TOLERANCE);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), request, valid));
            Reply reply;
            try {
                reply = valid ? answer.to(request) : new Reply(401, new byte[0], null, Map.of());
            } catch (Exception failed) {
                reply = new Reply(500, new byte[0], null, Map.of());
            }
            if (reply.signature() != null) {
                exchange.getResponseHeaders().set(PreSendHooks.SIGNATURE_HEADER, reply.signature());
            }
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            exchange.getResponseBody().write(reply.body());
        } catch (IOException clientGone) {
            // the caller stopped waiting (its timeout); nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
