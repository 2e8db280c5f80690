package io.linnet.push.provider;

/** The push services Linnet delivers through. */
public enum PushProvider {
    /** Apple Push Notification service, HTTP/2, token (.p8) or certificate (.p12) authentication. */
    APNS,
    /** Firebase Cloud Messaging, HTTP v1 API with an OAuth token from a service account. */
    FCM,
    /** Web Push (RFC 8030) with aes128gcm payload encryption (RFC 8291) and VAPID (RFC 8292). */
    WEBPUSH
}
