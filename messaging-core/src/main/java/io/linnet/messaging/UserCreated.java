package io.linnet.messaging;

import io.linnet.tenancy.AppRef;
import java.time.Instant;

/**
 * A new end user was stored (not an update of an existing one). Published inside the transaction
 * that stored them; listen with {@code @TransactionalEventListener(fallbackExecution = true)} to act
 * once it committed.
 */
public record UserCreated(AppRef app, UserId userId, Instant createdAt) {
}
