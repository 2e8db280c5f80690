package io.linnet.console.push;

import io.linnet.messaging.UserId;
import io.linnet.push.Device;
import io.linnet.push.DeviceId;
import io.linnet.push.JobState;
import io.linnet.push.Origin;
import io.linnet.push.PushContent;
import io.linnet.push.PushJob;
import io.linnet.push.PushJobId;
import io.linnet.push.PushProvider;
import io.linnet.push.PushRequest;
import io.linnet.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PushJobSummaryTest {

    private static PushJob job(Map<String, Object> target, PushContent content, int failed, Map<String, Integer> reasons) {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        return new PushJob(new PushJobId(Ids.next()), JobState.COMPLETED, Origin.API, target, content, null, null, "high",
                now, now.plusSeconds(60), now, now, null, new PushJob.Counts(5, 0, 5, 5 - failed, failed, 0, reasons));
    }

    @Test
    void a_target_is_named_in_a_few_words() {
        PushContent hi = PushContent.of("Hi", "there");
        assertThat(PushJobSummary.target(job(Map.of("users", List.of("mia")), hi, 0, Map.of()))).isEqualTo("user mia");
        assertThat(PushJobSummary.target(job(Map.of("devices", List.of("a", "b", "c", "d")), hi, 0, Map.of())))
                .isEqualTo("4 devices: a, b and 2 more");
        assertThat(PushJobSummary.target(job(Map.of("tags", Map.of("all", List.of("vip", "de"))), hi, 0, Map.of())))
                .isEqualTo("tagged all of vip, de");
        assertThat(PushJobSummary.target(job(Map.of("all", true), hi, 0, Map.of()))).isEqualTo("every device");
    }

    @Test
    void the_notification_is_its_title_or_else_its_text_and_failures_are_listed_most_frequent_first() {
        assertThat(PushJobSummary.title(job(Map.of("all", true), PushContent.of(null, "Only a body"), 0, Map.of())))
                .isEqualTo("Only a body");
        assertThat(PushJobSummary.title(job(Map.of("all", true), PushContent.of(null, null), 0, Map.of())))
                .isEqualTo("(data only)");
        assertThat(PushJobSummary.failures(job(Map.of("all", true), PushContent.of("t", "b"), 4,
                Map.of("NoCredential", 1, "Unregistered", 3)))).isEqualTo("Unregistered 3, NoCredential 1");
        assertThat(PushJobSummary.failures(job(Map.of("all", true), PushContent.of("t", "b"), 0, Map.of()))).isEmpty();
    }

    @Test
    void the_test_push_form_sends_to_a_user_or_to_one_device() {
        List<PushRequest> sent = new java.util.ArrayList<>();
        TestPushForm form = new TestPushForm(sent::add);
        PushRequest toUser = form.request();
        assertThat(toUser.target().users()).containsExactly("");
        assertThat(toUser.notification().title()).isEqualTo("Test from the Linnet console");
    }

    @Test
    void a_device_shows_enough_of_its_token_or_only_its_push_service() {
        Instant now = Instant.now();
        Device apns = new Device(new DeviceId(Ids.next()), UserId.of("u"), PushProvider.APNS,
                "0123456789abcdef0123456789abcdef", null, "sandbox", null, null, true, null, null, now, now);
        Device web = new Device(new DeviceId(Ids.next()), UserId.of("u"), PushProvider.WEBPUSH, null,
                new Device.Subscription("https://fcm.googleapis.com/fcm/send/secret-part", new Device.Keys("k", "a")),
                null, null, null, true, null, null, now, now);
        assertThat(DeviceLookup.address(apns)).isEqualTo("0123456789ab…abcdef");
        assertThat(DeviceLookup.address(web)).isEqualTo("https://fcm.googleapis.com/…");
    }
}
