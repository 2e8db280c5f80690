package io.linnet.tenancy.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A console account's token for scripts that call {@code /manage/v1} or {@code /ops/v1}: it acts
 * with the account's role, is refused once revoked or expired, and is shown only when created.
 * {@code expiresAt}, {@code lastUsedAt} and {@code revokedAt} are null when they do not apply.
 */
public record PersonalAccessToken(UUID id, String name, Instant createdAt, Instant expiresAt,
                                  Instant lastUsedAt, Instant revokedAt) {

    /** A new token with its secret value, shown this once. */
    public record Created(PersonalAccessToken token, String value) {
    }
}
