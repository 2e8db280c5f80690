package io.linnet.server.operations;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chat load for the fault drills: one thread per sender sends REST messages into one conversation,
 * one after another, as an app's backend would, and retries each message with its
 * {@code clientMsgId} until it is acknowledged (as a client told {@code unavailable} should). Every
 * answer is recorded. Bounded: at most {@code messagesPerSender} messages each, each tried at most
 * {@value #MAX_ATTEMPTS} times.
 */
final class SendLoad implements AutoCloseable {

    static final int MAX_ATTEMPTS = 60;

    /** One answer to one try of one message. */
    record Attempt(String clientMsgId, int status, String code, String retryAfter, Instant at) {
    }

    /** A message the server acknowledged (201 first time, 200 for a retry it had stored already). */
    record Acked(String clientMsgId, String messageId, long seq, Instant at) {
    }

    private final MessagingApp app;
    private final String conversation;
    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Map<String, Acked> acked = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService senders;

    private SendLoad(MessagingApp app, String conversation, List<String> senderIds, int messagesPerSender, String prefix) {
        this.app = app;
        this.conversation = conversation;
        this.senders = Executors.newFixedThreadPool(senderIds.size());
        for (String sender : senderIds) {
            senders.execute(() -> send(sender, messagesPerSender, prefix));
        }
    }

    static SendLoad start(MessagingApp app, String conversation, List<String> senderIds, int messagesPerSender, String prefix) {
        return new SendLoad(app, conversation, senderIds, messagesPerSender, prefix);
    }

    private void send(String sender, int messages, String prefix) {
        for (int i = 0; i < messages && !stopping.get(); i++) {
            String clientMsgId = prefix + "-" + sender + "-" + i;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Attempt answer = attempt(sender, clientMsgId, i);
                attempts.add(answer);
                if (answer.status() != 503) {
                    break;
                }
            }
        }
    }

    private Attempt attempt(String sender, String clientMsgId, int i) {
        try {
            Api.Response response = app.send(conversation, sender, clientMsgId, "drill message " + i);
            Instant at = Instant.now();
            if (response.status() == 200 || response.status() == 201) {
                acked.putIfAbsent(clientMsgId, new Acked(clientMsgId, response.json().get("messageId").asString(),
                        response.json().get("seq").asLong(), at));
                return new Attempt(clientMsgId, response.status(), null, null, at);
            }
            return new Attempt(clientMsgId, response.status(), codeOf(response), response.header("Retry-After"), at);
        } catch (AssertionError noAnswer) {
            // the HTTP client gave up (no answer within its 30 s): the drill counts it as a hang
            return new Attempt(clientMsgId, -1, noAnswer.getMessage(), null, Instant.now());
        }
    }

    private static String codeOf(Api.Response response) {
        try {
            return response.code();
        } catch (RuntimeException notJson) {
            return "(no problem+json: " + response.contentType() + ")";
        }
    }

    int ackedCount() {
        return acked.size();
    }

    long answered(int status) {
        return attempts.stream().filter(attempt -> attempt.status() == status).count();
    }

    List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    Map<String, Acked> acked() {
        return Map.copyOf(acked);
    }

    /** When the first message was acknowledged after {@code since}, if one was. */
    Instant firstAckAfter(Instant since) {
        return acked.values().stream().map(Acked::at).filter(at -> at.isAfter(since)).min(Instant::compareTo).orElse(null);
    }

    /** Every message of the conversation as stored, in seq order. */
    List<JsonNode> storedMessages() {
        List<JsonNode> messages = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = app.history(conversation, "?afterSeq=" + after + "&limit=100");
            page.get("items").forEach(messages::add);
            if (page.get("items").isEmpty() || !page.path("hasMore").asBoolean()) {
                return messages;
            }
            after = messages.getLast().get("seq").asLong();
        }
    }

    /** Lets every sender finish the message it is on (until acknowledged), then stops. */
    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        senders.shutdown();
        if (!senders.awaitTermination(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }
}
