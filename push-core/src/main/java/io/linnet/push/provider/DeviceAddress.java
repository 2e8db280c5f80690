package io.linnet.push.provider;

import io.linnet.push.PushProvider;

import java.net.URI;
import java.util.Objects;

/**
 * Where one device receives pushes: what the device registered with its provider. Holds no credential; the
 * sender for the app's credential adds that.
 */
public sealed interface DeviceAddress {

    PushProvider provider();

    /**
     * An APNs device token (hex) in the APNs environment that issued it.
     *
     * @param topic the app's bundle id (or a {@code .voip}/{@code .complication} variant) to address; blank means
     *              the topic of the credential the notification is sent with
     */
    record Apns(String token, Environment environment, String topic) implements DeviceAddress {

        /** Tokens from development builds live in the sandbox; App Store and TestFlight builds in production. */
        public enum Environment { SANDBOX, PRODUCTION }

        public Apns {
            requireText(token, "APNs device token");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(topic, "topic");
        }

        /** A token addressed with the credential's own topic. */
        public Apns(String token, Environment environment) {
            this(token, environment, "");
        }

        @Override
        public PushProvider provider() {
            return PushProvider.APNS;
        }

        @Override
        public String toString() {
            return "Apns[" + abbreviated(token) + ", " + environment + (topic.isBlank() ? "" : ", " + topic) + "]";
        }
    }

    /** An FCM registration token. */
    record Fcm(String registrationToken) implements DeviceAddress {

        public Fcm {
            requireText(registrationToken, "FCM registration token");
        }

        @Override
        public PushProvider provider() {
            return PushProvider.FCM;
        }

        @Override
        public String toString() {
            return "Fcm[" + abbreviated(registrationToken) + "]";
        }
    }

    /**
     * A browser's push subscription, as {@code PushSubscription.toJSON()} gives it.
     *
     * @param endpoint the push service URL of this subscription
     * @param p256dh   the browser's P-256 public key, uncompressed point, base64url
     * @param auth     the 16-byte authentication secret, base64url
     */
    record WebPush(URI endpoint, String p256dh, String auth) implements DeviceAddress {

        public WebPush {
            Objects.requireNonNull(endpoint, "endpoint");
            if (!endpoint.isAbsolute() || endpoint.getHost() == null
                    || !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
                throw new IllegalArgumentException("A Web Push endpoint is an absolute http(s) URL");
            }
            requireText(p256dh, "p256dh key");
            requireText(auth, "auth secret");
        }

        @Override
        public PushProvider provider() {
            return PushProvider.WEBPUSH;
        }

        @Override
        public String toString() {
            // the endpoint path is the subscription's capability: keep it out of logs
            return "WebPush[" + endpoint.getScheme() + "://" + endpoint.getAuthority() + "/...]";
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static String abbreviated(String token) {
        return token.length() <= 8 ? "..." : token.substring(0, 8) + "...";
    }
}
