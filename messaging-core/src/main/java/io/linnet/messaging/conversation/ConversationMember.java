package io.linnet.messaging.conversation;

import io.linnet.messaging.UserId;

import java.time.Instant;

/** One member of a conversation: their role, when they joined, and the seq they have read up to. */
public record ConversationMember(UserId userId, MemberRole role, Instant joinedAt, long readSeq) {
}
