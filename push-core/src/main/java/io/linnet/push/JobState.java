package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a job is in its life: {@code scheduled} (waiting for its time; cancellable), {@code expanding} (its
 * targets are being written to the outbox), {@code sending}, {@code completed} (every delivery is final), or
 * {@code cancelled}. On the wire and in the database in lower case.
 */
public enum JobState {
    SCHEDULED, EXPANDING, SENDING, COMPLETED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** Reads a state as the database stores it. */
    static JobState fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
