package io.linnet.bench.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Google's token endpoint and the FCM v1 API on one local port, accepting everything: any JWT-bearer grant gets an
 * access token, any message a name. It counts the messages and when the last one came. The server's tests check
 * the OAuth exchange and the message format against a strict fake; this one only has to be cheap.
 */
final class FcmFake implements AutoCloseable {

    static final String PROJECT_ID = "linnet-push-bench";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final KeyPair accountKey;
    private final AtomicLong messages = new AtomicLong();
    private volatile long lastMessageNanos;

    FcmFake() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        accountKey = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(executor);
        server.createContext("/token", exchange -> respond(exchange,
                "{\"access_token\":\"bench-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}"));
        server.createContext("/v1/", exchange -> {
            long id = messages.incrementAndGet();
            lastMessageNanos = System.nanoTime();
            respond(exchange, "{\"name\":\"projects/" + PROJECT_ID + "/messages/" + id + "\"}");
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A service account whose token endpoint is this fake. */
    String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(accountKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return """
                {"type":"service_account","project_id":"%s","private_key_id":"0123456789abcdef","private_key":"%s",
                 "client_email":"push@%s.iam.gserviceaccount.com","client_id":"100000000000000000001",
                 "token_uri":"%s/token"}""".formatted(PROJECT_ID, pem.replace("\n", "\\n"), PROJECT_ID, baseUrl());
    }

    long messages() {
        return messages.get();
    }

    long lastMessageNanos() {
        return lastMessageNanos;
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
