package io.linnet.push.apns;

import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.Notification;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link Notification} as an APNs request: the JSON payload and the {@code apns-*} headers. */
final class ApnsPayload {

    /** APNs refuses larger payloads (VoIP pushes may have 5 KB; Linnet sends none). */
    static final int MAX_BYTES = 4096;

    private static final int MAX_COLLAPSE_ID_BYTES = 64;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApnsPayload() {
    }

    /**
     * The payload: the {@code aps} dictionary, the data pairs as top-level keys beside it, an {@code image} URL for
     * the app's notification service extension, then the APNs overrides merged in.
     */
    static String json(Notification notification) {
        Map<String, Object> aps = new LinkedHashMap<>();
        if (notification.hasAlert()) {
            Map<String, Object> alert = new LinkedHashMap<>();
            if (!notification.title().isEmpty()) {
                alert.put("title", notification.title());
            }
            if (!notification.body().isEmpty()) {
                alert.put("body", notification.body());
            }
            aps.put("alert", alert);
        } else {
            aps.put("content-available", 1);
        }
        notification.badge().ifPresent(badge -> aps.put("badge", badge));
        notification.sound().ifPresent(sound -> aps.put("sound", sound));
        notification.imageUrl().ifPresent(image -> aps.put("mutable-content", 1));

        Map<String, Object> root = new LinkedHashMap<>();
        notification.data().forEach((key, value) -> {
            if (!"aps".equals(key)) {
                root.put(key, value);
            }
        });
        notification.imageUrl().ifPresent(image -> root.putIfAbsent("image", image.toString()));
        root.put("aps", aps);
        return JSON.writeValueAsString(notification.withOverrides(PushProvider.APNS, root));
    }

    static SimpleApnsPushNotification request(DeviceAddress.Apns device, String defaultTopic, Notification notification,
                                              String payload, Instant now, Duration defaultTimeToLive) {
        boolean background = !notification.hasAlert();
        DeliveryPriority priority = background || notification.priority() == Notification.Priority.NORMAL
                ? DeliveryPriority.CONSERVE_POWER // Apple refuses background pushes at priority 10
                : DeliveryPriority.IMMEDIATE;
        Instant expiry = notification.expiresAt().orElse(now.plus(defaultTimeToLive));
        return new SimpleApnsPushNotification(
                device.token(),
                device.topic().isBlank() ? defaultTopic : device.topic(),
                payload,
                expiry,
                priority,
                background ? PushType.BACKGROUND : PushType.ALERT,
                notification.collapseKey().map(ApnsPayload::collapseId).orElse(null));
    }

    /** A collapse key APNs accepts: as given when short enough, else a digest of it (same key, same id). */
    static String collapseId(String collapseKey) {
        if (collapseKey.getBytes(StandardCharsets.UTF_8).length <= MAX_COLLAPSE_ID_BYTES) {
            return collapseKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(collapseKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
