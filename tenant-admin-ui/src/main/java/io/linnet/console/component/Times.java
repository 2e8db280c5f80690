package io.linnet.console.component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the console writes a moment: to the minute, in UTC, the same for every viewer and as in the
 * audit log. Column headers say "(UTC)", so the cells stay short.
 */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }

    /** For things that may not have happened yet, such as a key's last use. */
    public static String formatOrNever(Instant at) {
        return at == null ? "never" : FORMAT.format(at);
    }
}
