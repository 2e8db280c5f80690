package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a push job within an app: the {@code pushId} of {@code /v1/push/{pushId}}. */
public record PushJobId(@JsonValue UUID value) {

    public PushJobId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a request; a malformed one is not found, as a missing one is. */
    public static PushJobId of(String raw) {
        return new PushJobId(Ids.parse(raw, "Push"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
