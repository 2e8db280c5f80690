package io.linnet.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a message within an app; opaque to clients, who order messages by seq instead. */
public record MessageId(@JsonValue UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a request; a malformed one is not found, as a missing one is. */
    public static MessageId of(String raw) {
        return new MessageId(Ids.parse(raw, "Message"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
