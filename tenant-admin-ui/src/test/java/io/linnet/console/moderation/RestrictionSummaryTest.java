package io.linnet.console.moderation;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.moderation.Restriction;
import io.linnet.moderation.RestrictionKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RestrictionSummaryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Restriction runningFor(Duration left) {
        return new Restriction("r", RestrictionKind.MUTE, UserId.of("ann"), null, "spam", "mod@example.com",
                NOW.minusSeconds(60), left == null ? null : NOW.plus(left), null, null, null);
    }

    @Test
    void the_time_left_reads_in_hours_and_minutes_rounded_up_to_the_minute() {
        assertThat(RestrictionSummary.remaining(runningFor(Duration.ofHours(2).plusMinutes(12).plusSeconds(30)), NOW))
                .isEqualTo("2 h 13 min left");
        assertThat(RestrictionSummary.remaining(runningFor(Duration.ofHours(1).minusMillis(400)), NOW))
                .as("a mute of one hour just imposed").isEqualTo("1 h left");
        assertThat(RestrictionSummary.remaining(runningFor(Duration.ofSeconds(20)), NOW)).isEqualTo("1 min left");
        assertThat(RestrictionSummary.remaining(runningFor(Duration.ofMinutes(45)), NOW)).isEqualTo("45 min left");
        assertThat(RestrictionSummary.remaining(runningFor(Duration.ofDays(3).plusHours(4)), NOW)).isEqualTo("3 d 4 h left");
        assertThat(RestrictionSummary.remaining(runningFor(Duration.ofDays(7)), NOW)).isEqualTo("7 d left");
    }

    @Test
    void one_without_an_end_runs_until_lifted_and_one_that_is_over_says_how_it_ended() {
        assertThat(RestrictionSummary.remaining(runningFor(null), NOW)).isEqualTo("until lifted");
        assertThat(RestrictionSummary.remaining(runningFor(Duration.ofMinutes(-5)), NOW)).isEqualTo("ended 2026-03-01 11:55");
        Restriction lifted = new Restriction("r", RestrictionKind.BAN, UserId.of("ann"), null, "spam", "mod@example.com",
                NOW.minusSeconds(600), null, NOW.minusSeconds(60), "lead@example.com", "appeal accepted");
        assertThat(RestrictionSummary.remaining(lifted, NOW)).isEqualTo("lifted 2026-03-01 11:59 by lead@example.com");
        Restriction replaced = new Restriction("r", RestrictionKind.MUTE, UserId.of("ann"), null, "spam", "mod@example.com",
                NOW.minusSeconds(600), null, NOW.minusSeconds(60), "mod@example.com", "replaced");
        assertThat(RestrictionSummary.remaining(replaced, NOW)).isEqualTo("replaced by a newer one");
    }

    @Test
    void a_mute_says_whether_it_is_for_one_conversation_or_the_whole_app() {
        ConversationId conversation = new ConversationId(UUID.fromString("0190a0a0-0000-7000-8000-000000000001"));
        Restriction inOne = new Restriction("r", RestrictionKind.MUTE, UserId.of("ann"), conversation, "spam", "m", NOW,
                null, null, null, null);
        assertThat(RestrictionSummary.where(inOne)).isEqualTo("conversation 0190a0a0-0000-7000-8000-000000000001");
        assertThat(RestrictionSummary.where(runningFor(null))).isEqualTo("whole app");
        assertThat(RestrictionSummary.kindBadge(inOne).getText()).isEqualTo("Mute");
    }
}
