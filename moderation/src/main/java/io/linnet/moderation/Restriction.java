package io.linnet.moderation;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A mute or a ban as moderators see it: whom, where (a mute may be for one conversation), why, by
 * whom, until when (never runs out when {@code expiresAt} is null), and whether and how it was lifted.
 */
public record Restriction(String id, RestrictionKind kind, UserId userId, ConversationId conversationId, String reason,
                          String createdBy, Instant createdAt, Instant expiresAt, Instant liftedAt, String liftedBy,
                          String liftReason) {

    /** In force at {@code now}: not lifted and not run out. */
    public boolean activeAt(Instant now) {
        return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** How long it still runs at {@code now}; empty when it never runs out, zero when it is over. */
    public Optional<Duration> remainingAt(Instant now) {
        if (!activeAt(now)) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.ofNullable(expiresAt).map(until -> Duration.between(now, until));
    }
}
