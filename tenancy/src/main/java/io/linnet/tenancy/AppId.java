package io.linnet.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies an app: one product or environment of a tenant. */
public record AppId(@JsonValue UUID value) {

    public AppId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static AppId of(String raw) {
        return new AppId(Ids.parse(raw, "App"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
