package io.linnet.messaging.user;

import java.time.Instant;

/** A freshly minted user token, for the developer's backend to hand to one client. */
public record UserToken(String token, Instant expiresAt) {
}
