package io.linnet.messaging;

import io.linnet.tenancy.AppRef;

/**
 * A user's tokens stopped working: they were revoked, the user was deleted or banned. Published inside
 * the transaction that did it (a ban: after it, once every node knows of the ban); listen with
 * {@code @TransactionalEventListener(fallbackExecution = true)} to act after the commit (the real-time
 * gateway closes the user's connections on every node).
 */
public record UserSignedOut(AppRef app, UserId userId) {
}
