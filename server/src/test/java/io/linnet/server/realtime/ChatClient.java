package io.linnet.server.realtime;

import io.linnet.server.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One end user's device on the real-time gateway, as a real WebSocket client (the JDK's): it
 * records every frame it receives, in order, and how the server closed it.
 */
public final class ChatClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<JsonNode> passedOver = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private ChatClient(URI url) {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(url, new Listener()).join();
    }

    /** Connects with the token in the query and waits for {@code ready}. */
    public static ChatClient connect(URI gateway, String token) {
        ChatClient client = new ChatClient(URI.create(gateway + "?token=" + token));
        client.next("ready");
        return client;
    }

    /** Connects without authenticating (the test sends the auth frame, or nothing). */
    public static ChatClient connectAnonymously(URI gateway) {
        return new ChatClient(gateway);
    }

    public ChatClient send(Map<String, ?> frame) {
        return sendText(Api.JSON.writeValueAsString(frame));
    }

    public ChatClient sendText(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** Sends a binary frame, which the protocol has no use for (for the fuzzers). */
    public ChatClient sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
        return this;
    }

    /** Sends a text message and answers the ack. */
    public JsonNode say(String conversationId, String clientMsgId, String text) {
        send(Map.of("type", "send", "clientMsgId", clientMsgId, "conversationId", conversationId,
                "body", Map.of("type", "text", "text", text)));
        JsonNode ack = next(frame -> frame.path("type").asString().equals("ack")
                && frame.path("clientMsgId").asString().equals(clientMsgId)
                || frame.path("type").asString().equals("error"));
        assertThat(ack.path("type").asString()).as(ack.toString()).isEqualTo("ack");
        return ack;
    }

    /** The next frame of {@code type}, skipping others (which stay seen). */
    public JsonNode next(String type) {
        return next(frame -> frame.path("type").asString().equals(type));
    }

    /** The first frame not taken yet that matches {@code wanted}; frames passed over stay for later calls. */
    public JsonNode next(Predicate<JsonNode> wanted) {
        JsonNode frame = take(wanted, WAIT);
        return frame != null ? frame : fail("No such frame within " + WAIT + "; received: " + seen());
    }

    private JsonNode take(Predicate<JsonNode> wanted, Duration wait) {
        synchronized (passedOver) {
            for (var iterator = passedOver.iterator(); iterator.hasNext(); ) {
                JsonNode frame = iterator.next();
                if (wanted.test(frame)) {
                    iterator.remove();
                    return frame;
                }
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode frame = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (frame == null) {
                    return null;
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                synchronized (passedOver) {
                    passedOver.add(frame);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The next {@code count} message frames of a conversation. */
    public List<JsonNode> messages(String conversationId, int count) {
        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < count) {
            messages.add(next(frame -> frame.path("type").asString().equals("message")
                    && frame.path("conversationId").asString().equals(conversationId)));
        }
        return messages;
    }

    /** Whether a frame matching {@code wanted} arrives within {@code wait} (for asserting that something does not). */
    public boolean receives(Predicate<JsonNode> wanted, Duration wait) {
        return take(wanted, wait) != null;
    }

    /** The close code the server closed this socket with. */
    public int closeCode() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Every frame received so far. */
    public synchronized List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = Api.JSON.readTree(partial.toString());
                partial.setLength(0);
                synchronized (ChatClient.this) {
                    seen.add(frame);
                }
                inbox.add(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }

    public static ObjectNode object() {
        return Api.JSON.createObjectNode();
    }
}
