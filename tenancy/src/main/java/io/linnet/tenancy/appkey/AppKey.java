package io.linnet.tenancy.appkey;

import io.linnet.tenancy.AppId;

import java.time.Instant;
import java.util.List;

/**
 * An app key: an OAuth2 client that a developer's backend exchanges for short-lived access tokens.
 * {@code id} is the client id; the secret is never stored, only its hash. {@code revokedAt} and
 * {@code lastUsedAt} are null until they happen.
 */
public record AppKey(String id, AppId appId, String name, List<String> scopes, Status status,
                     Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

    public enum Status { ACTIVE, REVOKED }

    /** The scopes a key may carry; a key without a scope cannot use that part of the API. */
    public static final List<String> SCOPES = List.of("users", "messages", "push", "analytics");
}
