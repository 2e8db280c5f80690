package io.linnet.messaging;

import java.time.Instant;

/**
 * A conversation as a list of them shows it: what it is, how many members it has, and when it was
 * last active ({@code lastActivityAt}: its latest message, or its creation while it has none).
 * {@code name} is null for a direct conversation.
 */
public record ConversationSummary(ConversationId id, ConversationType type, String name, int memberCount, long lastSeq,
                                  Instant lastActivityAt, Instant createdAt) {
}
