package io.linnet.tenancy;

import com.github.f4b6a3.uuid.UuidCreator;

import java.util.UUID;

/** Creates the time-ordered (UUIDv7) identifiers every Linnet record uses. */
public final class Ids {

    private Ids() {
    }

    public static UUID next() {
        return UuidCreator.getTimeOrderedEpoch();
    }

    /** Parses an id that came from outside; a malformed one is reported as not found, as a missing one is. */
    public static UUID parse(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, what + " not found");
        }
    }
}
