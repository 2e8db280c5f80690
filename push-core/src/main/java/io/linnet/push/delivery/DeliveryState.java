package io.linnet.push.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/**
 * How one device's delivery of a push stands: {@code queued} (waiting, in flight, or to be retried), or final:
 * {@code delivered} (the provider accepted it) or {@code failed}. On the wire and in the database in lower case.
 */
public enum DeliveryState {
    QUEUED, DELIVERED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != QUEUED;
    }

    /** Reads a state a client asks for, in any case; anything else is bad input. */
    public static DeliveryState parse(String raw) {
        String wire = raw.strip().toLowerCase(Locale.ROOT);
        for (DeliveryState state : values()) {
            if (state.wireName().equals(wire)) {
                return state;
            }
        }
        throw DomainException.invalid("state must be queued, delivered or failed");
    }

    /** Reads a state as the database stores it. */
    static DeliveryState fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
