package io.linnet.bench.chat;

import io.netty.buffer.ByteBuf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The frames of docs/realtime.md that the benchmark sends, written by hand (they are on the hot
 * path and need no escaping: ids are UUIDs and digits), and what it reads back out of them.
 *
 * <p>Every send carries its send time, {@link System#nanoTime()} of the load generator, twice: as
 * the last part of its clientMsgId (which the {@code ack} and every {@code message} frame carry)
 * and at the head of the text. Sender and receiver are clients in the same process, so the
 * receiver's own nanoTime minus it is the send-to-receive latency.
 */
final class Frames {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PING = "{\"type\":\"ping\"}";

    private Frames() {
    }

    /** A {@code send} of a text message of about {@code textBytes} characters. */
    static String send(String conversationId, String clientMsgId, long sendNanos, int textBytes) {
        StringBuilder text = new StringBuilder(textBytes + 24).append("bench ").append(sendNanos).append(' ');
        while (text.length() < textBytes) {
            text.append('x');
        }
        return "{\"type\":\"send\",\"clientMsgId\":\"" + clientMsgId + "\",\"conversationId\":\"" + conversationId
                + "\",\"body\":{\"type\":\"text\",\"text\":\"" + text + "\"}}";
    }

    /** The send time a clientMsgId of {@link ChatConnection#nextClientMsgId} carries, or {@code Long.MIN_VALUE}. */
    static long sendNanos(String clientMsgId) {
        int dot = clientMsgId.lastIndexOf('.');
        if (dot < 0) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(clientMsgId, dot + 1, clientMsgId.length(), 10);
        } catch (NumberFormatException notOurs) {
            return Long.MIN_VALUE;
        }
    }

    /** The counter part of a clientMsgId of {@link ChatConnection#nextClientMsgId}, or -1. */
    static long counter(String clientMsgId) {
        int first = clientMsgId.indexOf('.');
        int last = clientMsgId.lastIndexOf('.');
        if (first < 0 || last <= first) {
            return -1;
        }
        try {
            return Long.parseLong(clientMsgId, first + 1, last, 10);
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    /** Stands in for a frame that was not JSON, so that it is counted like any unexpected frame. */
    static JsonNode unreadable(ByteBuf content) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "unreadable");
        node.put("text", content.toString(StandardCharsets.UTF_8));
        return node;
    }
}
