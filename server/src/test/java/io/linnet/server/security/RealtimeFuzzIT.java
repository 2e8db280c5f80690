package io.linnet.server.security;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.support.ServerIT;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSocket fuzzer: every client frame type of docs/realtime.md before and after {@code auth},
 * with bad fields, bad tokens, unknown types, binary and broken frames, and a flood of each type.
 * The gateway answers with error frames of the documented codes or closes with a documented close
 * code; it never answers {@code internal_error}, never stops answering, stores nothing it refused,
 * keeps serving the other clients, and writes none of the planted markers into a log line.
 */
class RealtimeFuzzIT extends ServerIT {

    private static final long SEED = 20261205L;
    private static final int FLOOD = 300;
    /** How long a flooded connection may take to answer the probe after the flood (a busy machine). */
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** How long one frame may take to be answered or to close its connection on a busy machine. */
    private static final Duration ANSWER = Duration.ofSeconds(15);
    /** docs/realtime.md's error codes, without internal_error, which no input may cause. */
    private static final Set<String> ERROR_CODES = Set.of("invalid_frame", "unknown_type", "invalid_request", "not_found",
            "forbidden", "conflict", "rate_limited", "message_blocked", "user_muted", "user_banned");
    private static final Set<Integer> CLOSE_CODES = Set.of(1000, 1001, 1008, 1009, 4001, 4002, 4003, 4008, 4029);
    private static final List<String> FRAME_TYPES = List.of("send", "sync", "read", "readCount", "typing", "presence",
            "recall", "report", "ping", "auth");

    private final BadInputs bad = new BadInputs(SEED, 6);
    private final List<String> findings = new ArrayList<>();
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<Integer, Integer> closes = new LinkedHashMap<>();
    private final List<ChatClient> closeLater = new ArrayList<>();
    /** How many of a device's frames {@link #checkErrors} has looked at already. */
    private final Map<ChatClient, Integer> checked = new IdentityHashMap<>();
    private int errorFrames;
    private int handshakesRefused;
    private Chat chat;
    private String conversation;
    private String annMessage;
    private String benMessage;
    private CapturedLogs logs;

    @BeforeEach
    void chat() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Realtime Fuzz"));
        chat.app().users("ann", "ben", "cid");
        conversation = chat.app().group("Fuzz", "ann", "ben", "cid");
        annMessage = chat.app().sent(conversation, "ann", "a-1", "from ann").get("messageId").asString();
        benMessage = chat.app().sent(conversation, "ben", "b-1", "from ben").get("messageId").asString();
        logs = CapturedLogs.attach();
    }

    @AfterEach
    void disconnect() {
        chat.close();
        logs.close();
    }

    @Test
    void every_frame_type_before_auth_is_refused_and_stores_nothing() {
        long lastSeq = lastSeq();
        for (String type : FRAME_TYPES) {
            if (type.equals("auth")) {
                continue;
            }
            bad.plantingIn(type + " before auth");
            ChatClient device = anonymous();
            sendText(device, sample(type).toString());
            JsonNode answer = answerOrClose(device);
            if (type.equals("ping")) {
                expectThat(answer != null && answer.path("type").asString().equals("pong") || device.isClosed() && device.closeCode() == 4001,
                        "a ping before auth gets a pong or 4001, got " + answer + " " + device.seen());
            } else {
                expectThat(device.isClosed() && device.closeCode() == 4001,
                        type + " before auth closes with 4001, got " + device.seen() + (device.isClosed() ? " closed " + device.closeCode() : " open"));
            }
            expectNoReady(device, type + " before auth");
        }
        for (String broken : brokenFrames()) {
            ChatClient device = anonymous();
            sendText(device, broken);
            answerOrClose(device);
            expectNoReady(device, "a broken frame before auth");
        }
        ChatClient binary = anonymous();
        sendBinary(binary);
        answerOrClose(binary);
        expectNoReady(binary, "a binary frame before auth");
        assertThat(lastSeq()).as("nothing was stored").isEqualTo(lastSeq);
        finish("before_auth");
    }

    @Test
    void bad_tokens_in_the_auth_frame_or_the_query_close_with_4001_and_never_authenticate() {
        bad.plantingIn("auth token");
        List<String> tokens = new ArrayList<>(bad.sampled(bad.jsonValues(null)));
        tokens.add("\"eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm4iLCJ" + bad.marker("a forged token") + "\".\"");
        tokens.add("\"" + forgedJwt() + "\"");
        for (String token : tokens) {
            ChatClient device = anonymous();
            sendText(device, "{\"type\":\"auth\",\"ref\":\"t\",\"token\":" + token + "}");
            answerOrClose(device);
            expectNoReady(device, "auth with " + abbreviated(token));
        }
        URI gateway = URI.create(chat.mint("ann").json().get("websocketUrl").asString());
        for (String token : List.of(bad.marker("a query token"), forgedJwt(), "%00" + bad.marker("a NUL query token"),
                bad.marker("a huge query token") + "q".repeat(6000))) {
            ChatClient device;
            try {
                device = track(ChatClient.connectAnonymously(URI.create(gateway + "?token=" + token)));
            } catch (CompletionException refusedHandshake) {
                // refused before it became a WebSocket (a request line over the server's limit): no connection at all
                handshakesRefused++;
                continue;
            }
            expectThat(device.closeCode() == 4001, "a bad query token closes with 4001, got " + device.closeCode());
            expectNoReady(device, "query token " + abbreviated(token));
        }
        finish("bad_tokens");
    }

    @Test
    void a_connection_authenticates_once_and_stays_who_it_was() {
        String annToken = chat.token("ann");
        String benToken = chat.token("ben");
        ChatClient twoFrames = anonymous();
        sendText(twoFrames, "{\"type\":\"auth\",\"token\":\"" + annToken + "\"}");
        sendText(twoFrames, "{\"type\":\"auth\",\"ref\":\"again\",\"token\":\"" + benToken + "\"}");
        expectSingleIdentity(twoFrames, "two auth frames");

        URI gateway = URI.create(chat.mint("ann").json().get("websocketUrl").asString());
        ChatClient queryThenFrame = track(ChatClient.connectAnonymously(URI.create(gateway + "?token=" + annToken)));
        sendText(queryThenFrame, "{\"type\":\"auth\",\"ref\":\"again\",\"token\":\"" + benToken + "\"}");
        expectSingleIdentity(queryThenFrame, "a query token then an auth frame");
        finish("auth_once");
    }

    @Test
    void bad_fields_of_every_frame_type_after_auth_get_documented_errors_and_the_connection_keeps_working() {
        ChatClient ann = device("ann");
        for (String type : FRAME_TYPES) {
            bad.plantingIn(type + " after auth");
            ObjectNode sample = sample(type);
            for (List<String> field : BadInputs.fields(sample)) {
                for (String value : bad.sampled(bad.jsonValues(sample.at(BadInputs.pointer(field))))) {
                    sendText(ann, BadInputs.replaced(sample, field, value));
                    ann = probe(ann, type + "." + String.join(".", field));
                }
            }
        }
        bad.plantingIn("broken frames after auth");
        for (String broken : brokenFrames()) {
            sendText(ann, broken);
            ann = probe(ann, "a broken frame");
        }
        sendBinary(ann);
        ann = probe(ann, "a binary frame");
        sendText(ann, "{\"type\":\"send\",\"pad\":\"" + bad.marker("an oversized frame") + "x".repeat(70_000) + "\"}");
        expectThat(ann.isClosed() || waitClosed(ann) && ann.closeCode() == 1009,
                "a frame over the size limit closes with 1009, got " + (ann.isClosed() ? ann.closeCode() : "open"));
        stillServes("bad fields");
        finish("bad_fields");
    }

    @Test
    void a_flood_of_any_frame_type_is_limited_never_hangs_the_connection_and_others_keep_chatting() {
        ChatClient ben = device("ben");
        ChatClient ann = device("ann");
        List<String> floods = new ArrayList<>(FRAME_TYPES);
        floods.addAll(List.of("unknown", "binary", "broken"));
        for (String type : floods) {
            bad.plantingIn("a flood of " + type);
            ChatClient cid = device("cid");
            String marker = bad.marker("flooded " + type);
            int sent = 0;
            for (int i = 0; i < FLOOD && !cid.isClosed(); i++) {
                boolean ok = switch (type) {
                    case "binary" -> sendBinary(cid);
                    case "broken" -> sendText(cid, "{\"type\":\"send\",\"" + marker + i);
                    case "unknown" -> sendText(cid, "{\"type\":\"" + marker + i + "\"}");
                    default -> sendText(cid, floodFrame(type, marker, i));
                };
                sent += ok ? 1 : 0;
            }
            boolean answered = sendText(cid, "{\"type\":\"ping\",\"ref\":\"after-flood\"}")
                    && answeredOrClosed(cid, "after-flood", DRAIN);
            boolean closed = cid.isClosed() || !answered && waitClosed(cid);
            expectThat(answered || closed, "after a flood of " + sent + " " + type + " frames the connection neither answers nor closes");
            if (closed) {
                expectThat(CLOSE_CODES.contains(cid.closeCode()), "a flood of " + type + " closed with undocumented " + cid.closeCode());
                closes.merge(cid.closeCode(), 1, Integer::sum);
            }
            boolean limited = closed && cid.closeCode() == 1008
                    || cid.seen().stream().anyMatch(frame -> frame.path("code").asString().equals("rate_limited"));
            if (!type.equals("ping")) {
                expectThat(limited, "a flood of " + FLOOD + " " + type + " frames was neither rate-limited nor closed with 1008: "
                        + cid.seen().size() + " frames answered");
            }
            checkErrors(cid, "a flood of " + type);
            String clientMsgId = "after-" + type;
            ben.say(conversation, clientMsgId, "ben still chats after a flood of " + type);
            ann.next(frame -> frame.path("clientMsgId").asString().equals(clientMsgId));
            cid.close();
        }
        finish("floods");
    }

    /** Sends a ping after a bad frame and checks everything answered before the pong; reconnects if closed. */
    private ChatClient probe(ChatClient device, String what) {
        String ref = "probe-" + frames.get();
        boolean answered = sendText(device, "{\"type\":\"ping\",\"ref\":\"" + ref + "\"}")
                && answeredOrClosed(device, ref, ANSWER);
        if (!answered) {
            boolean closed = device.isClosed() || waitClosed(device);
            expectThat(closed, what + ": the connection neither answered a ping nor closed");
            if (closed) {
                expectThat(CLOSE_CODES.contains(device.closeCode()), what + ": closed with undocumented " + device.closeCode());
                closes.merge(device.closeCode(), 1, Integer::sum);
            }
            checkErrors(device, what);
            return device("ann");
        }
        checkErrors(device, what);
        return device;
    }

    private void checkErrors(ChatClient device, String what) {
        List<JsonNode> seen = device.seen();
        int from = checked.getOrDefault(device, 0);
        checked.put(device, seen.size());
        for (JsonNode frame : seen.subList(Math.min(from, seen.size()), seen.size())) {
            if (frame.path("type").asString().equals("error")) {
                errorFrames++;
                String code = frame.path("code").asString();
                expectThat(ERROR_CODES.contains(code), what + ": an error frame with code " + code + ": " + abbreviated(frame.toString()));
            }
        }
    }

    private void expectSingleIdentity(ChatClient device, String what) {
        JsonNode ready = device.next("ready");
        expectThat(ready.path("userId").asString().equals("ann"), what + ": authenticated as " + ready.path("userId"));
        expectThat(!device.receives(frame -> frame.path("type").asString().equals("ready"), Duration.ofSeconds(2)),
                what + ": the connection authenticated a second time: " + device.seen());
        device.send(Map.of("type", "send", "ref", "who", "clientMsgId", "who-" + UUID.randomUUID(), "conversationId", conversation,
                "body", Map.of("type", "text", "text", "who am I")));
        JsonNode ack = device.next(frame -> frame.path("ref").asString().equals("who") && frame.path("type").asString().equals("ack"));
        JsonNode stored = chat.app().history(conversation, "?afterSeq=" + (ack.path("seq").asLong() - 1)).get("items").get(0);
        expectThat(stored.path("senderId").asString().equals("ann"), what + ": a send was stored as " + stored.path("senderId"));
    }

    private void expectNoReady(ChatClient device, String what) {
        expectThat(device.seen().stream().noneMatch(frame -> frame.path("type").asString().equals("ready")),
                what + ": the connection was authenticated: " + device.seen());
        checkErrors(device, what);
    }

    /** The first frame the device got, or null when the server closed it without one. */
    private JsonNode answerOrClose(ChatClient device) {
        try {
            await().atMost(ANSWER).until(() -> device.isClosed() || !device.seen().isEmpty());
        } catch (ConditionTimeoutException silent) {
            findings.add("a frame got neither an answer nor a close within " + ANSWER + ": " + device.seen());
        }
        return device.seen().isEmpty() ? null : device.seen().getFirst();
    }

    /** Waits until a frame with {@code ref} came (true) or the socket closed (false). */
    private static boolean answeredOrClosed(ChatClient device, String ref, Duration atMost) {
        try {
            await().atMost(atMost).until(() -> device.isClosed() || hasRef(device, ref));
        } catch (ConditionTimeoutException silent) {
            return false;
        }
        return hasRef(device, ref);
    }

    private static boolean hasRef(ChatClient device, String ref) {
        return device.seen().stream().anyMatch(frame -> frame.path("ref").asString().equals(ref));
    }

    private boolean waitClosed(ChatClient device) {
        try {
            device.closeCode();
            return true;
        } catch (RuntimeException notClosed) {
            return false;
        }
    }

    private void stillServes(String after) {
        ChatClient ben = device("ben");
        ChatClient cid = device("cid");
        String clientMsgId = "still-" + UUID.randomUUID();
        ben.say(conversation, clientMsgId, "still here after " + after);
        cid.next(frame -> frame.path("clientMsgId").asString().equals(clientMsgId));
    }

    private ObjectNode sample(String type) {
        ObjectNode frame = ChatClient.object().put("type", type).put("ref", "r-" + frames.get());
        switch (type) {
            case "send" -> {
                frame.put("clientMsgId", "fuzz-" + UUID.randomUUID()).put("conversationId", conversation);
                frame.putObject("body").put("type", "text").put("text", "fuzz");
            }
            case "sync" -> {
                frame.putArray("conversations").addObject().put("id", conversation).put("afterSeq", 0);
                frame.put("limit", 10);
            }
            case "read", "readCount" -> frame.put("conversationId", conversation).put("seq", 1);
            case "typing" -> frame.put("conversationId", conversation);
            case "presence" -> frame.putArray("userIds").add("ben");
            case "recall" -> frame.put("messageId", annMessage);
            case "report" -> frame.put("messageId", benMessage).put("reason", "spam");
            case "auth" -> frame.put("token", "zz-not-a-token");
            default -> {
            }
        }
        return frame;
    }

    private String floodFrame(String type, String marker, int i) {
        ObjectNode frame = sample(type);
        switch (type) {
            case "send" -> ((ObjectNode) frame.get("body")).put("text", marker + i);
            case "report" -> frame.put("reason", marker + i);
            case "auth" -> frame.put("token", marker + i);
            default -> frame.put("ref", marker + i);
        }
        return frame.toString();
    }

    private List<String> brokenFrames() {
        return List.of("", "   ", "null", "[]", "42", "\"" + bad.marker("a string frame") + "\"",
                "{\"type\":\"" + bad.marker("an unknown type") + "\"}",
                "{\"type\":null}", "{\"type\":[\"send\"]}", "{\"type\":\"send\"}",
                "{\"" + bad.marker("an unclosed frame") + "\":",
                "[".repeat(3000) + "]".repeat(3000),
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
                "{\"type\":\"ping\",\"ref\":\"" + "r".repeat(500) + bad.marker("a long ref") + "\"}",
                "{\"type\":\"ping\",\"ref\":{\"" + bad.marker("an object ref") + "\":1}}",
                "{\"type\":\"ping\",\"type\":\"send\"}",
                "{\"type\":\"sync\",\"conversations\":[{\"id\":\"" + UUID.randomUUID() + "\",\"afterSeq\":-99999999999999999999}],\"limit\":1e400}");
    }

    private String forgedJwt() {
        var url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(("{\"sub\":\"ann\",\"app\":\"" + UUID.randomUUID() + "\",\"exp\":9999999999,\"x\":\""
                + bad.marker("a forged jwt") + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private ChatClient device(String user) {
        connections.incrementAndGet();
        return chat.device(user);
    }

    private ChatClient anonymous() {
        connections.incrementAndGet();
        return chat.anonymous("ann");
    }

    private ChatClient track(ChatClient device) {
        connections.incrementAndGet();
        closeLater.add(device);
        return device;
    }

    /** Sends a text frame; false when the server had closed the socket already. */
    private boolean sendText(ChatClient device, String text) {
        try {
            device.sendText(text);
            frames.incrementAndGet();
            return true;
        } catch (RuntimeException closed) {
            return false;
        }
    }

    private boolean sendBinary(ChatClient device) {
        try {
            device.sendBinary(("\u0000\u00ff" + bad.marker("a binary frame")).getBytes(StandardCharsets.UTF_8));
            frames.incrementAndGet();
            return true;
        } catch (RuntimeException closed) {
            return false;
        }
    }

    private long lastSeq() {
        return chat.app().client().get("/v1/conversations/" + conversation).json().get("lastSeq").asLong();
    }

    private void expectThat(boolean holds, String finding) {
        if (!holds) {
            findings.add(finding);
        }
    }

    private void finish(String test) {
        closeLater.forEach(ChatClient::close);
        bad.planted().forEach((marker, where) -> logs.containing(marker).forEach(line ->
                findings.add(where + ": the input reached a log line: " + abbreviated(line.lines().findFirst().orElse("")))));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("framesSent", frames.get());
        figures.put("connections", connections.get());
        figures.put("errorFramesChecked", errorFrames);
        figures.put("closesByCode", closes);
        figures.put("handshakesRefused", handshakesRefused);
        figures.put("seed", SEED);
        SecurityFigures.record("RealtimeFuzzIT-" + test, figures, findings);
        assertThat(findings).as("frames the gateway mishandled").isEmpty();
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

}
