package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.push.provider.Notification;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/** The push services Linnet delivers through; on the wire in lower case (credentials, devices). */
public enum PushProvider {
    /** Apple Push Notification service, HTTP/2, token (.p8) or certificate (.p12) authentication. */
    APNS("APNs"),
    /** Firebase Cloud Messaging, HTTP v1 API with an OAuth token from a service account. */
    FCM("FCM"),
    /** Web Push (RFC 8030) with aes128gcm payload encryption (RFC 8291) and VAPID (RFC 8292). */
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

    /** Reads a provider as clients write it ({@code apns}, {@code fcm}, {@code webpush}); anything else is bad input. */
    public static PushProvider of(String wire) {
        for (PushProvider provider : values()) {
            if (provider.wireName().equals(wire)) {
                return provider;
            }
        }
        throw DomainException.invalid("provider must be 'apns', 'fcm' or 'webpush'");
    }
}
