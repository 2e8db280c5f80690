package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.Ids;

import java.util.Objects;
import java.util.UUID;

/** Identifies a registered device within an app; a push job's deliveries are one per device id. */
public record DeviceId(@JsonValue UUID value) {

    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses an id from a request; a malformed one is not found, as a missing one is. */
    public static DeviceId of(String raw) {
        return new DeviceId(Ids.parse(raw, "Device"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
