package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a notification template within an app. */
public record TemplateId(@JsonValue UUID value) {

    public TemplateId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a request; a malformed one is not found, as a missing one is. */
    public static TemplateId of(String raw) {
        return new TemplateId(Ids.parse(raw, "Template"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
