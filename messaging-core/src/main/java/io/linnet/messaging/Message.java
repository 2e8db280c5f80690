package io.linnet.messaging;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A stored message. A recalled one keeps its seq, carries {@code recalledAt} (null otherwise), and
 * its body is only {@code {"type":"recalled"}}; a purged sender's messages read {@code {"type":"erased"}}.
 */
public record Message(MessageId messageId, ConversationId conversationId, long seq, UserId senderId,
                      String clientMsgId, JsonNode body, Instant createdAt, Instant recalledAt) {
}
