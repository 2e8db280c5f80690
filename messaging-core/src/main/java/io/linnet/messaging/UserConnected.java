package io.linnet.messaging;

import io.linnet.tenancy.AppRef;
import java.time.Instant;

/**
 * An end user's client connected to the real-time gateway and authenticated: published once per
 * connection, after it is in. Billing meters active users and connections from it.
 *
 * @param cameOnline whether this was the user's first live connection anywhere (not another device)
 */
public record UserConnected(AppRef app, UserId userId, boolean cameOnline, Instant connectedAt) {
}
