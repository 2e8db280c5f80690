package io.linnet.messaging.gateway;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import io.linnet.messaging.MessageBody;
import io.linnet.tenancy.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * A frame a client sent, parsed and checked for shape (docs/realtime.md): every field present and
 * of the right type, ids well-formed. Whether the user may do it is the dispatcher's business.
 */
sealed interface ClientFrame {

    int MAX_SYNC_CONVERSATIONS = 100;
    int MAX_SYNC_LIMIT = 500;
    int DEFAULT_SYNC_LIMIT = 100;
    int MAX_PRESENCE_USERS = 200;
    int MAX_REF = 64;

    /** The client's reference for this frame, echoed in the answer; null when it sent none. */
    String ref();

    record Auth(String ref, String token) implements ClientFrame {
    }

    record Send(String ref, String clientMsgId, ConversationId conversationId, MessageBody body) implements ClientFrame {
    }

    record Sync(String ref, List<Cursor> conversations, int limit) implements ClientFrame {
        record Cursor(ConversationId id, long afterSeq) {
        }
    }

    record Read(String ref, ConversationId conversationId, long seq) implements ClientFrame {
    }

    record ReadCount(String ref, ConversationId conversationId, long seq) implements ClientFrame {
    }

    record Typing(String ref, ConversationId conversationId) implements ClientFrame {
    }

    record Presence(String ref, List<UserId> userIds) implements ClientFrame {
    }

    record Recall(String ref, MessageId messageId) implements ClientFrame {
    }

    /** The user reports a message of one of their conversations to the app's moderators. */
    record Report(String ref, MessageId messageId, String reason) implements ClientFrame {
    }

    record Ping(String ref) implements ClientFrame {
    }

    /** A frame refused before it did anything: the error frame's code and detail, and the frame's ref if it had one. */
    final class Refused extends RuntimeException {
        private final String code;
        private final String ref;

        Refused(String code, String detail, String ref) {
            super(detail, null, false, false);
            this.code = code;
            this.ref = ref;
        }

        String code() {
            return code;
        }

        String ref() {
            return ref;
        }
    }

    static ClientFrame parse(String text, JsonMapper json) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException notJson) {
            throw new Refused("invalid_frame", "A frame must be one JSON object", null);
        }
        if (frame == null || !frame.isObject()) {
            throw new Refused("invalid_frame", "A frame must be one JSON object", null);
        }
        String ref = null;
        if (frame.has("ref")) {
            JsonNode node = frame.get("ref");
            if (!node.isString() || node.asString().isEmpty() || node.asString().length() > MAX_REF) {
                throw new Refused("invalid_frame", "ref must be a string of 1 to " + MAX_REF + " characters", null);
            }
            ref = node.asString();
        }
        Fields fields = new Fields(frame, ref);
        String type = fields.text("type");
        try {
            return switch (type) {
                case "auth" -> new Auth(ref, fields.text("token"));
                case "send" -> new Send(ref, fields.text("clientMsgId"), ConversationId.of(fields.text("conversationId")),
                        fields.body(json));
                case "sync" -> new Sync(ref, fields.cursors(), fields.optionalInt("limit", DEFAULT_SYNC_LIMIT, 1, MAX_SYNC_LIMIT));
                case "read" -> new Read(ref, ConversationId.of(fields.text("conversationId")), fields.seq("seq"));
                case "readCount" -> new ReadCount(ref, ConversationId.of(fields.text("conversationId")), fields.seq("seq"));
                case "typing" -> new Typing(ref, ConversationId.of(fields.text("conversationId")));
                case "presence" -> new Presence(ref, fields.userIds());
                case "recall" -> new Recall(ref, MessageId.of(fields.text("messageId")));
                case "report" -> new Report(ref, MessageId.of(fields.text("messageId")), fields.text("reason"));
                case "ping" -> new Ping(ref);
                default -> throw new Refused("unknown_type", "Unknown frame type '" + abbreviated(type) + "'", ref);
            };
        } catch (DomainException badValue) {
            throw new Refused("invalid_frame", badValue.getMessage(), ref);
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** Reads a frame's fields, refusing a missing or mistyped one by name. */
    record Fields(JsonNode frame, String ref) {

        String text(String name) {
            JsonNode node = frame.get(name);
            if (node == null || node.isNull()) {
                throw new Refused("invalid_frame", name + " is required", ref);
            }
            if (!node.isString()) {
                throw new Refused("invalid_frame", name + " must be a string", ref);
            }
            return node.asString();
        }

        long seq(String name) {
            JsonNode node = frame.get(name);
            if (node == null || node.isNull()) {
                throw new Refused("invalid_frame", name + " is required", ref);
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
                throw new Refused("invalid_frame", name + " must be a whole number, 0 or more", ref);
            }
            return node.asLong();
        }

        int optionalInt(String name, int fallback, int min, int max) {
            JsonNode node = frame.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
                throw new Refused("invalid_frame", name + " must be a whole number from " + min + " to " + max, ref);
            }
            return node.asInt();
        }

        MessageBody body(JsonMapper json) {
            JsonNode node = frame.get("body");
            if (node == null || node.isNull()) {
                throw new Refused("invalid_frame", "body is required", ref);
            }
            if (!node.isObject()) {
                throw new Refused("invalid_frame", "body must be an object", ref);
            }
            try {
                return json.treeToValue(node, MessageBody.class);
            } catch (JacksonException mistyped) {
                throw new Refused("invalid_frame", "body has a field of the wrong type", ref);
            }
        }

        List<Sync.Cursor> cursors() {
            JsonNode node = frame.get("conversations");
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray() || node.size() > MAX_SYNC_CONVERSATIONS) {
                throw new Refused("invalid_frame", "conversations must be a list of at most " + MAX_SYNC_CONVERSATIONS, ref);
            }
            List<Sync.Cursor> cursors = new ArrayList<>();
            for (JsonNode entry : node) {
                if (!entry.isObject()) {
                    throw new Refused("invalid_frame", "each of conversations must be {id, afterSeq}", ref);
                }
                Fields cursor = new Fields(entry, ref);
                cursors.add(new Sync.Cursor(ConversationId.of(cursor.text("id")), cursor.seq("afterSeq")));
            }
            return cursors;
        }

        List<UserId> userIds() {
            JsonNode node = frame.get("userIds");
            if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_PRESENCE_USERS) {
                throw new Refused("invalid_frame", "userIds must be a list of 1 to " + MAX_PRESENCE_USERS + " user ids", ref);
            }
            List<UserId> ids = new ArrayList<>();
            for (JsonNode id : node) {
                if (!id.isString()) {
                    throw new Refused("invalid_frame", "userIds must be strings", ref);
                }
                ids.add(UserId.of(id.asString()));
            }
            return ids;
        }
    }
}
