package io.linnet.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/** A direct conversation has exactly two members, for good; a group has a name and changing members. */
public enum ConversationType {
    DIRECT, GROUP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationType of(String raw) {
        for (ConversationType type : values()) {
            if (type.wireName().equals(raw)) {
                return type;
            }
        }
        throw DomainException.invalid("type must be 'direct' or 'group'");
    }
}
