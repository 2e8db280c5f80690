package io.linnet.push.credential;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A push service a credential signs in to; on the wire in lower case, as in the devices API. */
public enum PushProvider {
    APNS("APNs"),
    FCM("FCM"),
    WEBPUSH("Web Push");

    private final String title;

    PushProvider(String title) {
        this.title = title;
    }

    /** How people call it, e.g. "APNs". */
    public String title() {
        return title;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PushProvider fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
