package io.linnet.server.moderation;

import com.sun.net.httpserver.HttpServer;
import io.linnet.moderation.PreSendHooks;
import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-send hook end to end: a real HTTP server plays the tenant's hook, checks our signature
 * and answers allow, block or replace (signed), or too late, or with a bad signature.
 */
class PreSendHookIT extends ServerIT {

    /** What the fake hook does with a call: the answer body, or null to hang until released. */
    private volatile Function<JsonNode, String> answer = call -> "{\"action\":\"allow\"}";
    private volatile String answerSecret;
    private final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    private final List<Boolean> signaturesValid = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger redirectsFollowed = new AtomicInteger();
    private HttpServer hook;
    private MessagingApp app;
    private Moderation moderation;
    private String direct;
    private String secret;

    @BeforeEach
    void aTenantHook() throws IOException {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            signaturesValid.add(PreSendHooks.verify(secret, exchange.getRequestHeaders().getFirst("Linnet-Signature"), body,
                    Instant.now(), Duration.ofMinutes(5)));
            JsonNode call = Api.JSON.readTree(body);
            calls.add(call);
            String reply = answer.apply(call);
            if (reply == null) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply = "{\"action\":\"allow\"}";
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Linnet-Signature",
                    PreSendHooks.sign(answerSecret != null ? answerSecret : secret, Instant.now().getEpochSecond(), bytes));
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        hook.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + hook.getAddress().getPort() + "/inside");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        hook.createContext("/inside", exchange -> {
            redirectsFollowed.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        hook.start();
        app = MessagingApp.create(api(), fixtures(), "Hooked App");
        app.users("ann", "ben");
        direct = app.direct("ann", "ben");
        moderation = Moderation.of(app);
        secret = saveHook("open", 1000).get("secret").asString();
    }

    @AfterEach
    void stopTheHook() {
        release.countDown();
        hook.stop(0);
    }

    private JsonNode saveHook(String onFailure, int timeoutMillis) {
        Api.Response saved = moderation.member().put(moderation.path("/hook"), Map.of("url",
                "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook", "timeoutMillis", timeoutMillis, "onFailure", onFailure));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json();
    }

    private void saveHookUrl(String url) {
        Api.Response saved = moderation.member().put(moderation.path("/hook"), Map.of("url", url, "timeoutMillis", 1000,
                "onFailure", "closed"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private String storedText() {
        return app.history(direct, "?afterSeq=0").get("items").get(0).at("/body/text").asString();
    }

    @Test
    void an_allowed_message_is_stored_and_the_hook_saw_it_signed() {
        assertThat(secret).startsWith("whsec_");

        assertThat(app.send(direct, "ann", "a-1", "hello Ben").status()).isEqualTo(201);

        assertThat(storedText()).isEqualTo("hello Ben");
        assertThat(signaturesValid).containsExactly(true);
        JsonNode call = calls.getFirst();
        assertThat(call.get("type").asString()).isEqualTo("message.presend");
        assertThat(call.get("appId").asString()).isEqualTo(app.appId());
        assertThat(call.get("conversationId").asString()).isEqualTo(direct);
        assertThat(call.get("conversationType").asString()).isEqualTo("direct");
        assertThat(call.get("senderId").asString()).isEqualTo("ann");
        assertThat(call.at("/body/text").asString()).isEqualTo("hello Ben");
    }

    @Test
    void a_send_that_could_not_be_stored_never_reaches_the_hook() {
        app.users("cat");

        app.send(direct, "cat", "c-1", "not my conversation").assertProblem(404, "not_found");
        app.send("0190a0a0-0000-7000-8000-000000000000", "ann", "c-2", "no such conversation").assertProblem(404, "not_found");

        assertThat(calls).isEmpty();
    }

    @Test
    void a_blocked_message_is_refused_with_the_hooks_reason() {
        answer = call -> "{\"action\":\"block\",\"reason\":\"No links to competitors\"}";

        Api.Response refused = app.send(direct, "ann", "a-1", "try othermessenger.example");

        refused.assertProblem(422, "message_blocked");
        assertThat(refused.json().get("detail").asString()).isEqualTo("No links to competitors");
        assertThat(app.history(direct, "?afterSeq=0").get("items")).isEmpty();
    }

    @Test
    void a_replacement_is_stored_and_the_rules_still_apply_to_it() {
        moderation.keywords("mask", "darn");
        answer = call -> "{\"action\":\"replace\",\"body\":{\"type\":\"text\",\"text\":\"[edited] darn\"}}";

        assertThat(app.send(direct, "ann", "a-1", "original words").status()).isEqualTo(201);

        assertThat(storedText()).isEqualTo("[edited] ****");
    }

    @Test
    void a_slow_hook_fails_open_or_closed_as_the_app_chose() {
        answer = call -> null;
        saveHook("open", 200);
        assertThat(app.send(direct, "ann", "a-1", "sent anyway").status()).isEqualTo(201);

        saveHook("closed", 200);
        Api.Response refused = app.send(direct, "ann", "a-2", "held back");
        refused.assertProblem(422, "message_blocked");
        assertThat(refused.json().get("detail").asString()).contains("did not answer");
        assertThat(app.history(direct, "?afterSeq=0").get("items")).hasSize(1);
    }

    @Test
    void whatever_goes_wrong_with_the_hook_the_sender_hears_the_same_words_and_a_redirect_is_not_followed()
            throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + hook.getAddress().getPort();
        List<String> details = new ArrayList<>();
        for (String url : List.of(base + "/redirect", "http://127.0.0.1:" + closedPort + "/hook", base + "/no-hook-here")) {
            saveHookUrl(url);
            Api.Response refused = app.send(direct, "ann", "m-" + details.size(), "checked by a broken hook");
            refused.assertProblem(422, "message_blocked");
            details.add(refused.json().get("detail").asString());
        }

        assertThat(details).containsOnly("The app's moderation hook did not answer, and the app blocks messages then");
        assertThat(redirectsFollowed).hasValue(0);
        assertThat(app.history(direct, "?afterSeq=0").get("items")).isEmpty();
    }

    @Test
    void an_answer_with_a_bad_signature_counts_as_no_answer() {
        answerSecret = "whsec_not_the_right_one";
        answer = call -> "{\"action\":\"allow\"}";
        saveHook("closed", 1000);

        app.send(direct, "ann", "a-1", "spoofed allow").assertProblem(422, "message_blocked");

        saveHook("open", 1000);
        answer = call -> "{\"action\":\"block\",\"reason\":\"spoofed block\"}";
        assertThat(app.send(direct, "ann", "a-2", "a forged block is ignored").status()).isEqualTo(201);
    }

    @Test
    void the_hook_settings_never_show_the_secret_again_and_are_checked() {
        Api.Client owner = moderation.member();
        JsonNode shown = owner.get(moderation.path("/hook")).json();
        assertThat(shown.has("secret") && !shown.get("secret").isNull()).isFalse();
        assertThat(shown.get("onFailure").asString()).isEqualTo("open");

        owner.put(moderation.path("/hook"), Map.of("url", "ftp://example.com/hook")).assertProblem(400, "invalid_request");
        owner.put(moderation.path("/hook"), Map.of("url", "https://example.com/hook", "timeoutMillis", 60_000))
                .assertProblem(400, "invalid_request");
        owner.put(moderation.path("/hook"), Map.of("url", "https://example.com/hook", "onFailure", "maybe"))
                .assertProblem(400, "invalid_request");
        JsonNode rotated = owner.put(moderation.path("/hook"), Map.of("url", shown.get("url").asString(), "newSecret", true)).json();
        assertThat(rotated.get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);

        Api.Client stranger = MessagingApp.create(api(), fixtures(), "Hook Stranger").owner().client();
        stranger.get(moderation.path("/hook")).assertProblem(404, "not_found");
        stranger.delete(moderation.path("/hook")).assertProblem(404, "not_found");
        stranger.put(moderation.path("/hook"), Map.of("url", "https://evil.example/hook")).assertProblem(404, "not_found");
        assertThat(owner.get(moderation.path("/hook")).json().get("url").asString()).isEqualTo(shown.get("url").asString());

        assertThat(owner.delete(moderation.path("/hook")).status()).isEqualTo(204);
        owner.get(moderation.path("/hook")).assertProblem(404, "not_found");
        calls.clear();
        assertThat(app.send(direct, "ann", "a-1", "no hook now").status()).isEqualTo(201);
        assertThat(calls).isEmpty();
    }
}
