package io.linnet.push.provider;

import io.linnet.push.PushProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void overrides_merge_objects_key_by_key_and_replace_everything_else() {
        Notification notification = Notification.builder()
                .override(PushProvider.FCM, Map.of("android", Map.of("priority", "NORMAL", "ttl", "60s"), "fcm_options",
                        Map.of("analytics_label", "promo")))
                .build();
        Map<String, Object> payload = Map.of("token", "t", "android", Map.of("priority", "HIGH", "collapse_key", "c"));

        assertThat(notification.withOverrides(PushProvider.FCM, payload)).isEqualTo(Map.of(
                "token", "t",
                "android", Map.of("priority", "NORMAL", "collapse_key", "c", "ttl", "60s"),
                "fcm_options", Map.of("analytics_label", "promo")));
        assertThat(notification.withOverrides(PushProvider.APNS, payload)).isEqualTo(payload);
    }

    @Test
    void overrides_must_be_json() {
        assertThatThrownBy(() -> Notification.builder().override(PushProvider.APNS, Map.of("when", Instant.now())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APNS.when");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("list", java.util.Arrays.asList(1, null));
        assertThatThrownBy(() -> Notification.builder().override(PushProvider.WEBPUSH, withNull).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEBPUSH.list[1]");
    }

    @Test
    void overrides_cannot_be_changed_after_the_notification_is_built() {
        Map<String, Object> nested = new HashMap<>(Map.of("a", 1));
        Notification notification = Notification.builder().override(PushProvider.APNS, Map.of("n", nested, "l", List.of(1)))
                .build();
        nested.put("b", 2);

        assertThat(notification.overrides().get(PushProvider.APNS).get("n")).isEqualTo(Map.of("a", 1));
    }

    @Test
    void the_time_to_live_counts_down_to_zero_and_then_the_notification_is_expired() {
        Notification notification = Notification.builder().expiresAt(NOW.plusSeconds(30)).build();

        assertThat(notification.timeToLiveAt(NOW)).contains(Duration.ofSeconds(30));
        assertThat(notification.isExpiredAt(NOW.plusSeconds(29))).isFalse();
        assertThat(notification.timeToLiveAt(NOW.plusSeconds(40))).contains(Duration.ZERO);
        assertThat(notification.isExpiredAt(NOW.plusSeconds(30))).isTrue();
        assertThat(Notification.builder().build().timeToLiveAt(NOW)).isEmpty();
    }

    @Test
    void a_notification_without_title_and_body_is_a_background_push() {
        assertThat(Notification.builder().data("k", "v").build().hasAlert()).isFalse();
        assertThat(Notification.builder().body("hi").build().hasAlert()).isTrue();
    }

    @Test
    void device_addresses_keep_tokens_and_subscription_urls_out_of_their_text() {
        var apns = new DeviceAddress.Apns("0123456789abcdef0123", DeviceAddress.Apns.Environment.SANDBOX);
        var webPush = new DeviceAddress.WebPush(java.net.URI.create("https://push.example.com/secret-path"), "k", "a");

        assertThat(apns.toString()).doesNotContain("0123456789abcdef0123");
        assertThat(webPush.toString()).doesNotContain("secret-path");
    }
}
