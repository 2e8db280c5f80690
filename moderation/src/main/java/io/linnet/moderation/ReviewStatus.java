package io.linnet.moderation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/** Where a queued message stands: waiting for a moderator, approved (left as it is), or recalled. */
public enum ReviewStatus {
    OPEN, APPROVED, RECALLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewStatus of(String raw) {
        for (ReviewStatus status : values()) {
            if (status.wireName().equals(raw)) {
                return status;
            }
        }
        throw DomainException.invalid("status must be 'open', 'approved' or 'recalled'");
    }
}
