package io.linnet.messaging;

/**
 * A user's tokens stopped working: they were revoked, the user was deleted or banned. Published inside
 * the transaction that did it; listen with {@code @TransactionalEventListener} to act after the
 * commit (the real-time gateway closes the user's connections on every node).
 */
public record UserSignedOut(AppRef app, UserId userId) {
}
