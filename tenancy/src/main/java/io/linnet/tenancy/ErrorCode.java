package io.linnet.tenancy;

/** The stable, machine-readable error codes of every Linnet API, with the HTTP status each answers with. */
public enum ErrorCode {
    INVALID_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    /** The sender is muted (in this conversation or the whole app) by a moderator. */
    USER_MUTED(403),
    /** The user is banned from the app by a moderator. */
    USER_BANNED(403),
    NOT_FOUND(404),
    CONFLICT(409),
    /** Another tenant already has this name (names are compared ignoring case and surrounding spaces). */
    TENANT_NAME_TAKEN(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The app's moderation (a BLOCK rule or its pre-send hook) refused the message; nothing was stored. */
    MESSAGE_BLOCKED(422),
    QUOTA_EXCEEDED(429),
    RATE_LIMITED(429);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as clients see it, e.g. {@code not_found}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
