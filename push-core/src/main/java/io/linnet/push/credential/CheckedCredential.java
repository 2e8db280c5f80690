package io.linnet.push.credential;

import java.time.Instant;
import java.util.Map;

/**
 * A credential that passed its checks, ready to store: the public {@code metadata} (shown), the
 * {@code secret} fields (encrypted as one JSON object), and the expiry when it has one.
 */
record CheckedCredential(CredentialKind kind, String label, Map<String, String> metadata, Map<String, String> secret,
                         Instant expiresAt) {

    static final int MAX_LABEL_LENGTH = 100;

    CheckedCredential {
        metadata = Map.copyOf(metadata);
        secret = Map.copyOf(secret);
    }

    /** The label a member chose, or {@code fallback} when they gave none. */
    static String label(String raw, String fallback) {
        String label = raw == null || raw.isBlank() ? fallback : raw.strip();
        if (label.length() > MAX_LABEL_LENGTH) {
            throw io.linnet.tenancy.DomainException.invalid("label must be at most " + MAX_LABEL_LENGTH + " characters");
        }
        return label;
    }

    /** A client's value quoted in a message: short, so that a message never echoes a whole body. */
    static String quoted(String raw) {
        String value = raw == null ? "" : raw.strip();
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }

    @Override
    public String toString() {
        return "CheckedCredential[" + kind + ", " + label + ", " + metadata + "]";
    }
}
