package io.linnet.push;

import io.linnet.tenancy.DomainException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The forms a push credential comes in, each for one {@link PushProvider}. */
public enum CredentialKind {
    /** An APNs auth key: a .p8 file (PKCS#8 EC P-256 private key) with its key id, team id and topic. */
    APNS_TOKEN(PushProvider.APNS, "APNs auth key (.p8)"),
    /** An APNs certificate with its private key: a .p12 file and its password. */
    APNS_CERTIFICATE(PushProvider.APNS, "APNs certificate (.p12)"),
    /** A Firebase service account's key file (JSON), for FCM HTTP v1. */
    FCM(PushProvider.FCM, "FCM service account (.json)"),
    /** A Web Push VAPID key pair (P-256) and the subject push services may contact. */
    WEBPUSH_VAPID(PushProvider.WEBPUSH, "Web Push VAPID keys");

    private final PushProvider provider;
    private final String title;

    CredentialKind(PushProvider provider, String title) {
        this.provider = provider;
        this.title = title;
    }

    public PushProvider provider() {
        return provider;
    }

    /** How the console names it, e.g. "APNs auth key (.p8)". */
    public String title() {
        return title;
    }

    /** Parses a kind named by a client, in any case; a missing or unknown one is bad input. */
    public static CredentialKind parse(String raw) {
        if (raw != null) {
            for (CredentialKind kind : values()) {
                if (kind.name().equalsIgnoreCase(raw.strip())) {
                    return kind;
                }
            }
        }
        throw DomainException.invalid("kind must be one of " + Arrays.stream(values()).map(Enum::name)
                .collect(Collectors.joining(", ")) + (raw == null ? "" : "; got " + quoted(raw)));
    }

    /** A client's value quoted in a message: short, so that a message never echoes a whole body. */
    private static String quoted(String raw) {
        String value = raw.strip();
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }
}
