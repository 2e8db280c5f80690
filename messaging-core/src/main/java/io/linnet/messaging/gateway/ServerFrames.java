package io.linnet.messaging.gateway;

import io.linnet.messaging.MessageRecalled;
import io.linnet.messaging.UserId;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.Message;
import io.linnet.messaging.message.SendReceipt;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.tenancy.LimitExceeded;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The frames the server sends (docs/realtime.md), each serialised once: a message going to a
 * thousand devices is one byte array written a thousand times.
 */
final class ServerFrames {

    private final JsonMapper json;

    ServerFrames(JsonMapper json) {
        this.json = json;
    }

    byte[] ready(UserId user, String connectionId, Instant tokenExpiresAt, GatewaySettings settings) {
        ObjectNode frame = frame("ready", null);
        frame.put("userId", user.value());
        frame.put("connectionId", connectionId);
        frame.put("heartbeatSeconds", settings.heartbeat().toSeconds());
        frame.put("tokenExpiresAt", tokenExpiresAt.toString());
        ObjectNode limits = frame.putObject("limits");
        limits.put("maxFrameBytes", settings.maxFrameBytes());
        limits.put("sendsPerSecond", settings.sendsPerSecond());
        limits.put("frameBudgetPerSecond", settings.frameBudget());
        return bytes(frame);
    }

    byte[] ack(String ref, String clientMsgId, ConversationId conversation, SendReceipt sent) {
        ObjectNode frame = frame("ack", ref);
        frame.put("clientMsgId", clientMsgId);
        frame.put("conversationId", conversation.toString());
        frame.put("messageId", sent.messageId().toString());
        frame.put("seq", sent.seq());
        frame.put("sentAt", sent.createdAt().toString());
        frame.put("repeated", sent.repeated());
        return bytes(frame);
    }

    byte[] message(Message message) {
        ObjectNode frame = frame("message", null);
        frame.put("conversationId", message.conversationId().toString());
        frame.put("messageId", message.messageId().toString());
        frame.put("seq", message.seq());
        frame.put("senderId", message.senderId().value());
        frame.put("clientMsgId", message.clientMsgId());
        frame.set("body", message.body());
        frame.put("sentAt", message.createdAt().toString());
        if (message.recalledAt() == null) {
            frame.putNull("recalledAt");
        } else {
            frame.put("recalledAt", message.recalledAt().toString());
        }
        return bytes(frame);
    }

    byte[] synced(String ref, List<Inbox.Entry> conversations, List<ConversationId> unfinished, boolean hasMoreConversations) {
        ObjectNode frame = frame("synced", ref);
        ArrayNode list = frame.putArray("conversations");
        for (Inbox.Entry entry : conversations) {
            ObjectNode item = list.addObject();
            item.put("id", entry.id().toString());
            item.put("type", entry.type().wireName());
            if (entry.name() == null) {
                item.putNull("name");
            } else {
                item.put("name", entry.name());
            }
            item.put("lastSeq", entry.lastSeq());
            item.put("readSeq", entry.readSeq());
            item.put("unread", entry.unread());
            item.put("hasMore", unfinished.contains(entry.id()));
        }
        frame.put("hasMoreConversations", hasMoreConversations);
        return bytes(frame);
    }

    byte[] receipt(Inbox.ReadMarked marked) {
        ObjectNode frame = frame("receipt", null);
        frame.put("conversationId", marked.conversationId().toString());
        frame.put("userId", marked.reader().value());
        frame.put("seq", marked.seq());
        return bytes(frame);
    }

    byte[] readCount(String ref, Inbox.ReadCount count) {
        ObjectNode frame = frame("readCount", ref);
        frame.put("conversationId", count.conversationId().toString());
        frame.put("seq", count.seq());
        frame.put("readCount", count.readCount());
        frame.put("memberCount", count.memberCount());
        return bytes(frame);
    }

    byte[] typing(ConversationId conversation, UserId user) {
        ObjectNode frame = frame("typing", null);
        frame.put("conversationId", conversation.toString());
        frame.put("userId", user.value());
        return bytes(frame);
    }

    byte[] presence(UserId user, boolean online, Optional<Instant> lastSeen) {
        ObjectNode frame = frame("presence", null);
        frame.put("userId", user.value());
        frame.put("status", online ? "online" : "offline");
        lastSeen.filter(seen -> !online).ifPresent(seen -> frame.put("lastSeenAt", seen.toString()));
        return bytes(frame);
    }

    byte[] recalled(MessageRecalled recalled) {
        ObjectNode frame = frame("recalled", null);
        frame.put("conversationId", recalled.conversationId().toString());
        frame.put("messageId", recalled.messageId().toString());
        frame.put("seq", recalled.seq());
        recalled.recalledBy().ifPresent(by -> frame.put("recalledBy", by.value()));
        frame.put("recalledAt", recalled.recalledAt().toString());
        return bytes(frame);
    }

    byte[] error(String ref, String code, String detail) {
        ObjectNode frame = frame("error", ref);
        frame.put("code", code);
        frame.put("detail", detail);
        return bytes(frame);
    }

    /** The frame could not be handled because the database or Redis is out of reach; it may be sent again after the wait. */
    byte[] unavailable(String ref, Duration retryAfter) {
        ObjectNode frame = frame("error", ref);
        frame.put("code", "unavailable");
        frame.put("detail", "The service is briefly unavailable; nothing was done, send it again in a moment");
        frame.put("retryAfterMs", retryAfter.toMillis());
        return bytes(frame);
    }

    /** A frame refused for a rate or budget: nothing was done; {@code retryAfterMs} says when it could pass. */
    byte[] rateLimited(String ref, String detail, long retryAfterMillis) {
        ObjectNode frame = frame("error", ref);
        frame.put("code", "rate_limited");
        frame.put("detail", detail);
        frame.put("retryAfterMs", retryAfterMillis);
        return bytes(frame);
    }

    /**
     * A frame refused for the tenant's plan: {@code rate_limited} (try again after {@code retryAfterMs}) or
     * {@code quota_exceeded} (nothing more until {@code resetsAt}, {@code retryAfterMs} from now).
     */
    byte[] limited(String ref, LimitExceeded refused) {
        ObjectNode frame = frame("error", ref);
        frame.put("code", refused.code().wireName());
        frame.put("detail", refused.getMessage());
        frame.put("retryAfterMs", refused.retryAfter().toMillis());
        refused.resetsAt().ifPresent(at -> frame.put("resetsAt", at.toString()));
        return bytes(frame);
    }

    /** An unexpected failure; {@code errorId} finds it in the server's log. */
    byte[] internalError(String ref, String errorId) {
        ObjectNode frame = frame("error", ref);
        frame.put("code", "internal_error");
        frame.put("detail", "Something went wrong; try again");
        frame.put("errorId", errorId);
        return bytes(frame);
    }

    /** A report was received and queued for the app's moderators. */
    byte[] reported(String ref, MessageId messageId) {
        ObjectNode frame = frame("reported", ref);
        frame.put("messageId", messageId.toString());
        return bytes(frame);
    }

    byte[] pong(String ref) {
        return bytes(frame("pong", ref));
    }

    private ObjectNode frame(String type, String ref) {
        ObjectNode frame = json.createObjectNode();
        frame.put("type", type);
        if (ref != null) {
            frame.put("ref", ref);
        }
        return frame;
    }

    private byte[] bytes(ObjectNode frame) {
        return json.writeValueAsBytes(frame);
    }
}
