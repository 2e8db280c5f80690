package io.linnet.console.analytics;

import io.linnet.analytics.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PushFunnelTest {

    @Test
    void each_stage_is_split_by_provider_and_what_is_not_split_is_other() {
        PushFunnel funnel = PushFunnel.of(Reports.report(2,
                Reports.series(Metric.PUSH_TARGETED, Map.of("fcm", 4L, "apns", 6L), 10, 0),
                Reports.series(Metric.PUSH_SENT, Map.of("fcm", 4L, "apns", 5L), 9, 0),
                Reports.series(Metric.PUSH_DELIVERED, Map.of("fcm", 3L, "apns", 5L), 8, 0),
                Reports.series(Metric.PUSH_OPENED, 2, 0),
                Reports.series(Metric.PUSH_FAILED, Map.of("fcm/UNREGISTERED", 1L, "apns/BadDeviceToken", 1L,
                        "webpush/410 Gone", 3L), 5, 0)));

        assertThat(funnel.providers()).containsExactly("apns", "fcm", "webpush", PushFunnel.OTHER);
        assertThat(funnel.stage(PushFunnel.Step.TARGETED).byProvider()).containsExactly(6L, 4L, 0L, 0L);
        assertThat(funnel.stage(PushFunnel.Step.DELIVERED).byProvider()).containsExactly(5L, 3L, 0L, 0L);
        assertThat(funnel.stage(PushFunnel.Step.OPENED).byProvider()).as("opens are not told per provider")
                .containsExactly(0L, 0L, 0L, 2L);
        assertThat(funnel.failures()).containsExactly(new PushFunnel.Failure("webpush", "410 Gone", 3),
                new PushFunnel.Failure("apns", "BadDeviceToken", 1), new PushFunnel.Failure("fcm", "UNREGISTERED", 1));
        assertThat(funnel.failed("webpush")).isEqualTo(3);
        assertThat(funnel.share(PushFunnel.Step.TARGETED)).isEmpty();
        assertThat(funnel.share(PushFunnel.Step.SENT)).contains("90% of targeted");
        assertThat(funnel.share(PushFunnel.Step.DELIVERED)).contains("88.8% of sent");
        assertThat(funnel.share(PushFunnel.Step.OPENED)).contains("25% of delivered");
        assertThat(funnel.empty()).isFalse();
        assertThat(List.of("apns", "webpush", "").stream().map(PushFunnel::providerName))
                .containsExactly("APNs", "Web Push", "Other");
    }

    @Test
    void without_pushes_the_funnel_is_empty_and_has_no_shares() {
        PushFunnel funnel = PushFunnel.of(Reports.report(3));

        assertThat(funnel.empty()).isTrue();
        assertThat(funnel.providers()).isEmpty();
        assertThat(funnel.share(PushFunnel.Step.DELIVERED)).isEmpty();
    }

    @Test
    void percentages_are_to_a_tenth_and_never_round_up_to_all() {
        assertThat(PushFunnel.percent(999, 1000)).contains("99.9%");
        assertThat(PushFunnel.percent(9999, 10000)).contains("99.9%");
        assertThat(PushFunnel.percent(1, 1)).contains("100%");
        assertThat(PushFunnel.percent(1, 3)).contains("33.3%");
        assertThat(PushFunnel.percent(0, 0)).isEmpty();
    }
}
