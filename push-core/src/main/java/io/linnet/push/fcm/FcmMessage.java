package io.linnet.push.fcm;

import io.linnet.push.PushProvider;
import io.linnet.push.provider.Notification;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Notification} as the body of an FCM v1 {@code messages:send} request: the common {@code notification} and
 * {@code data}, plus the {@code android}, {@code apns} and {@code webpush} blocks for what only those platforms know
 * (priority, time to live, collapse key, badge, sound), then the FCM overrides merged into {@code message}.
 */
final class FcmMessage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FcmMessage() {
    }

    static byte[] body(String registrationToken, Notification notification, Instant now, Duration defaultTimeToLive) {
        return JSON.writeValueAsBytes(Map.of("message", message(registrationToken, notification, now, defaultTimeToLive)));
    }

    static Map<String, Object> message(String registrationToken, Notification notification, Instant now,
                                       Duration defaultTimeToLive) {
        boolean high = notification.priority() == Notification.Priority.HIGH;
        boolean background = !notification.hasAlert();
        long ttlSeconds = notification.timeToLiveAt(now).orElse(defaultTimeToLive).toSeconds();
        Instant expiry = notification.expiresAt().orElse(now.plus(defaultTimeToLive));

        Map<String, Object> message = new LinkedHashMap<>();
        message.put("token", registrationToken);
        if (!background) {
            Map<String, Object> shown = new LinkedHashMap<>();
            if (!notification.title().isEmpty()) {
                shown.put("title", notification.title());
            }
            if (!notification.body().isEmpty()) {
                shown.put("body", notification.body());
            }
            notification.imageUrl().ifPresent(image -> shown.put("image", image.toString()));
            message.put("notification", shown);
        }
        if (!notification.data().isEmpty()) {
            message.put("data", notification.data());
        }

        Map<String, Object> android = new LinkedHashMap<>();
        android.put("priority", high ? "HIGH" : "NORMAL");
        android.put("ttl", ttlSeconds + "s");
        notification.collapseKey().ifPresent(key -> android.put("collapse_key", key));
        Map<String, Object> androidNotification = new LinkedHashMap<>();
        notification.sound().ifPresent(sound -> androidNotification.put("sound", sound));
        notification.badge().ifPresent(badge -> androidNotification.put("notification_count", badge));
        notification.collapseKey().ifPresent(key -> androidNotification.put("tag", key));
        if (!background && !androidNotification.isEmpty()) {
            android.put("notification", androidNotification);
        }
        message.put("android", android);

        Map<String, Object> apnsHeaders = new LinkedHashMap<>();
        apnsHeaders.put("apns-priority", high && !background ? "10" : "5");
        apnsHeaders.put("apns-push-type", background ? "background" : "alert");
        apnsHeaders.put("apns-expiration", Long.toString(expiry.getEpochSecond()));
        notification.collapseKey().ifPresent(key -> apnsHeaders.put("apns-collapse-id", key));
        Map<String, Object> aps = new LinkedHashMap<>();
        notification.badge().ifPresent(badge -> aps.put("badge", badge));
        notification.sound().ifPresent(sound -> aps.put("sound", sound));
        if (background) {
            aps.put("content-available", 1);
        }
        Map<String, Object> apns = new LinkedHashMap<>();
        apns.put("headers", apnsHeaders);
        if (!aps.isEmpty()) {
            apns.put("payload", Map.of("aps", aps));
        }
        message.put("apns", apns);

        Map<String, Object> webpushHeaders = new LinkedHashMap<>();
        webpushHeaders.put("TTL", Long.toString(ttlSeconds));
        webpushHeaders.put("Urgency", high ? "high" : "normal");
        message.put("webpush", Map.of("headers", webpushHeaders));

        return notification.withOverrides(PushProvider.FCM, message);
    }
}
