package io.linnet.push.apns;

import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeviceAddress.Apns.Environment;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.Notification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApnsPayloadTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void title_and_body_become_the_alert_and_data_sits_beside_aps() {
        String json = ApnsPayload.json(Notification.builder().title("T").body("B").data("k", "v").build());

        assertThat(json).isEqualTo("{\"k\":\"v\",\"aps\":{\"alert\":{\"title\":\"T\",\"body\":\"B\"}}}");
    }

    @Test
    void a_data_key_named_aps_cannot_replace_the_aps_dictionary() {
        String json = ApnsPayload.json(Notification.builder().body("B").data("aps", "oops").build());

        assertThat(json).isEqualTo("{\"aps\":{\"alert\":{\"body\":\"B\"}}}");
    }

    @Test
    void overrides_merge_into_the_payload_key_by_key() {
        Notification notification = Notification.builder().title("T").badge(1)
                .override(PushProvider.APNS, Map.of("aps", Map.of("badge", 7, "thread-id", "c-1"),
                        "extra", List.of(1, 2)))
                .build();

        assertThat(ApnsPayload.json(notification))
                .isEqualTo("{\"aps\":{\"alert\":{\"title\":\"T\"},\"badge\":7,\"thread-id\":\"c-1\"},\"extra\":[1,2]}");
    }

    @Test
    void a_normal_priority_alert_goes_at_priority_5_and_a_device_topic_wins_over_the_credential_s() {
        var device = new DeviceAddress.Apns("ab".repeat(32), Environment.PRODUCTION, "io.linnet.app.voip");
        Notification notification = Notification.builder().title("T").priority(Notification.Priority.NORMAL).build();

        var request = ApnsPayload.request(device, "io.linnet.app", notification, "{}", NOW, Duration.ofDays(1));

        assertThat(request.getPriority()).isEqualTo(DeliveryPriority.CONSERVE_POWER);
        assertThat(request.getPushType()).isEqualTo(PushType.ALERT);
        assertThat(request.getTopic()).isEqualTo("io.linnet.app.voip");
        assertThat(request.getExpiration()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(request.getCollapseId()).isNull();
    }

    @Test
    void a_long_collapse_key_is_shortened_to_a_stable_digest_apns_accepts() {
        String longKey = "conversation-" + "x".repeat(100);

        assertThat(ApnsPayload.collapseId(longKey)).hasSizeLessThanOrEqualTo(64)
                .isEqualTo(ApnsPayload.collapseId(longKey))
                .isNotEqualTo(ApnsPayload.collapseId(longKey + "y"));
        assertThat(ApnsPayload.collapseId("short")).isEqualTo("short");
    }
}
