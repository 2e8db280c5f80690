package io.linnet.console.moderation;

import java.time.Duration;
import java.util.Optional;

/** How long a mute or ban lasts, as the console offers it: a few round lengths, or until someone lifts it. */
enum Lasting {
    HOUR("1 hour", Duration.ofHours(1)),
    DAY("1 day", Duration.ofDays(1)),
    WEEK("7 days", Duration.ofDays(7)),
    UNTIL_LIFTED("Until lifted", null);

    private final String label;
    private final Duration duration;

    Lasting(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    String label() {
        return label;
    }

    /** Empty: until lifted. */
    Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }
}
