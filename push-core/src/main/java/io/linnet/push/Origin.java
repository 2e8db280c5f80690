package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who made a job: the developer API, the console's test push, or offline push for a chat message. */
public enum Origin {
    API, CONSOLE, OFFLINE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads an origin as the database stores it. */
    static Origin fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
