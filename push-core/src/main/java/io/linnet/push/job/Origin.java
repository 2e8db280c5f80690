package io.linnet.push.job;

import java.util.Locale;

/** Who made a job: the developer API, the console's test push, or offline push for a chat message. */
public enum Origin {
    API, CONSOLE, OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
