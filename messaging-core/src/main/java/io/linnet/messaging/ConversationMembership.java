package io.linnet.messaging;

import java.time.Instant;

/**
 * One member of a conversation as other modules see it: their role ({@code owner}, {@code admin} or
 * {@code member}), when they joined, and the seq they have read up to.
 */
public record ConversationMembership(UserId userId, String role, Instant joinedAt, long readSeq) {
}
