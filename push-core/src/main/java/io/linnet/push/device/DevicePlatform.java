package io.linnet.push.device;

import io.linnet.push.provider.PushProvider;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/** The push providers a device can register with, as the API names them. */
public enum DevicePlatform {
    APNS(PushProvider.APNS),
    FCM(PushProvider.FCM),
    WEBPUSH(PushProvider.WEBPUSH);

    private final PushProvider provider;

    DevicePlatform(PushProvider provider) {
        this.provider = provider;
    }

    public PushProvider provider() {
        return provider;
    }

    /** How the API and the database name it: {@code apns}, {@code fcm}, {@code webpush}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DevicePlatform of(PushProvider provider) {
        return switch (provider) {
            case APNS -> APNS;
            case FCM -> FCM;
            case WEBPUSH -> WEBPUSH;
        };
    }

    /** Parses a client's {@code provider}; anything else is bad input. */
    public static DevicePlatform parse(String raw) {
        if (raw != null) {
            for (DevicePlatform platform : values()) {
                if (platform.wireName().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                    return platform;
                }
            }
        }
        throw DomainException.invalid("provider must be apns, fcm or webpush");
    }
}
