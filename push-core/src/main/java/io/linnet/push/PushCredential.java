package io.linnet.push;

import io.linnet.tenancy.AppId;

import java.time.Instant;
import java.util.Map;

/**
 * A push credential as the console and the API show it: what it is and its public metadata
 * ({@code keyId}, {@code teamId}, {@code topic}, {@code environment}, {@code projectId},
 * {@code clientEmail}, {@code publicKey}, {@code subject}, {@code certificateSubject}, ... by kind),
 * never its secret. {@code expiresAt} is null for credentials that do not expire (auth keys, service
 * accounts, VAPID keys); {@code revokedAt} is null while it is live; {@code lastRejection} is null unless the
 * provider refused the credential as such since it last accepted it.
 */
public record PushCredential(
        CredentialId id,
        AppId appId,
        PushProvider provider,
        CredentialKind kind,
        String label,
        Map<String, String> metadata,
        Instant expiresAt,
        ExpiryWarning expiryWarning,
        Instant createdAt,
        Instant revokedAt,
        Rejection lastRejection) {

    /** The provider's latest refusal of the credential, in its words (e.g. {@code InvalidProviderToken}), and when. */
    public record Rejection(String reason, Instant at) {
    }

    public PushCredential {
        metadata = Map.copyOf(metadata);
    }

    public boolean live() {
        return revokedAt == null;
    }
}
