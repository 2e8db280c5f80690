package io.linnet.messaging;

import io.linnet.tenancy.AppRef;
import java.time.Instant;

/**
 * An end user's client connected to the real-time gateway and authenticated: published once per
 * connection, after it is in, on the node that holds it; {@link UserDisconnected} follows once it
 * closes. Analytics meters active users and concurrent connections from the two.
 *
 * @param cameOnline whether this was the user's first live connection anywhere (not another device)
 */
public record UserConnected(AppRef app, UserId userId, boolean cameOnline, Instant connectedAt) {
}
