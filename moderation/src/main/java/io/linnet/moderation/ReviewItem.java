package io.linnet.moderation;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A message in the review queue: the message as it is now (a recalled one reads
 * {@code {"type":"recalled"}}), why it is there (the FLAG rules it hit and what they matched, the
 * reports on it), and what was decided, if anything.
 */
public record ReviewItem(MessageId messageId, ConversationId conversationId, long seq, UserId senderId, JsonNode body,
                         Instant sentAt, Instant recalledAt, List<String> flaggedBy, List<String> matched, int reportCount,
                         List<Report> reports, ReviewStatus status, Instant createdAt, Instant updatedAt,
                         Instant decidedAt, String decidedBy, String decisionReason) {

    /** One user's report of the message. */
    public record Report(UserId reporterId, String reason, Instant reportedAt) {
    }

    public boolean flagged() {
        return !flaggedBy.isEmpty();
    }
}
