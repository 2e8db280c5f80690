package io.linnet.push.job;

import java.util.Locale;

/**
 * Where a job is in its life: {@code scheduled} (waiting for its time; cancellable), {@code expanding} (its
 * targets are being written to the outbox), {@code sending}, {@code completed} (every delivery is final), or
 * {@code cancelled}.
 */
public enum JobState {
    SCHEDULED, EXPANDING, SENDING, COMPLETED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }

    static JobState fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
