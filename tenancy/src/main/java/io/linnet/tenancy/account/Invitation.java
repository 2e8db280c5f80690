package io.linnet.tenancy.account;

import java.time.Instant;

/**
 * A one-time invitation: whoever holds {@code token} may set the invited account's password once,
 * until {@code expiresAt}. Only a hash of the token is stored, so it is shown this once.
 */
public record Invitation(Member member, String token, Instant expiresAt) {
}
