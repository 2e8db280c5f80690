package io.linnet.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a conversation within an app. */
public record ConversationId(@JsonValue UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a request; a malformed one is not found, as a missing one is. */
    public static ConversationId of(String raw) {
        return new ConversationId(Ids.parse(raw, "Conversation"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
