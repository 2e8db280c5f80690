package io.linnet.push.webpush;

import io.linnet.push.PushProvider;
import io.linnet.push.provider.Notification;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the app's service worker receives in its {@code push} event, as JSON:
 * {@code {"title", "body", "data": {...}, "badge", "sound", "image", "tag"}}, absent fields left out, then the
 * Web Push overrides merged in. {@code tag} is the collapse key, ready for {@code showNotification}.
 */
final class WebPushPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** RFC 8030 section 5.4: a Topic is at most 32 characters of the base64url alphabet. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private WebPushPayload() {
    }

    static byte[] json(Notification notification) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (!notification.title().isEmpty()) {
            payload.put("title", notification.title());
        }
        if (!notification.body().isEmpty()) {
            payload.put("body", notification.body());
        }
        if (!notification.data().isEmpty()) {
            payload.put("data", notification.data());
        }
        notification.badge().ifPresent(badge -> payload.put("badge", badge));
        notification.sound().ifPresent(sound -> payload.put("sound", sound));
        notification.imageUrl().ifPresent(image -> payload.put("image", image.toString()));
        notification.collapseKey().ifPresent(key -> payload.put("tag", key));
        return JSON.writeValueAsString(notification.withOverrides(PushProvider.WEBPUSH, payload))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code Topic} header for a collapse key: the key itself when it may be one, else a digest of it. */
    static String topic(String collapseKey) {
        if (TOPIC.matcher(collapseKey).matches()) {
            return collapseKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(collapseKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
