package io.linnet.moderation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/**
 * A mute keeps a user from sending (in one conversation or the whole app) but not from reading; a
 * ban keeps them out of the app: their connections are closed, their tokens refused, their sends
 * rejected.
 */
public enum RestrictionKind {
    MUTE, BAN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RestrictionKind of(String raw) {
        for (RestrictionKind kind : values()) {
            if (kind.wireName().equals(raw)) {
                return kind;
            }
        }
        throw DomainException.invalid("kind must be 'mute' or 'ban'");
    }
}
