package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a push credential within an app. */
public record CredentialId(@JsonValue UUID value) {

    public CredentialId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a request; a malformed one is not found, as a missing one is. */
    public static CredentialId of(String raw) {
        return new CredentialId(Ids.parse(raw, "Push credential"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
