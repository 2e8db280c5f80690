package io.linnet.messaging;

import io.linnet.tenancy.AppRef;
import java.time.Instant;

/**
 * A connection that {@link UserConnected} announced has closed, for whatever reason: published once,
 * on the node that held it. A connection that closed before it was in announces neither.
 */
public record UserDisconnected(AppRef app, UserId userId, Instant disconnectedAt) {
}
