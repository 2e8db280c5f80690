package io.linnet.messaging.conversation;

import io.linnet.messaging.ConversationType;
import io.linnet.messaging.ConversationId;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with its members. {@code lastSeq} is the seq of its latest message (0 when it has
 * none); {@code name} is null for a direct conversation.
 */
public record Conversation(ConversationId id, ConversationType type, String name, int memberLimit, long lastSeq,
                           Instant createdAt, List<ConversationMember> members) {

    public Conversation {
        members = List.copyOf(members);
    }
}
