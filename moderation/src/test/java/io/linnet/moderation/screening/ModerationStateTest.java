package io.linnet.moderation.screening;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.moderation.RestrictionKind;
import io.linnet.moderation.rule.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationStateTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final UserId ANN = new UserId("ann");
    private static final ConversationId LOUNGE = new ConversationId(UUID.fromString("0190a0a0-0000-7000-8000-000000000001"));
    private static final ConversationId DIRECT = new ConversationId(UUID.fromString("0190a0a0-0000-7000-8000-000000000002"));

    private static ModerationState with(ModerationState.Restraint... restraints) {
        return new ModerationState(RuleSet.EMPTY, false, Optional.empty(), Map.of(ANN, List.of(restraints)), NOW);
    }

    private static ModerationState.Restraint mute(ConversationId in, Instant until) {
        return new ModerationState.Restraint(RestrictionKind.MUTE, Optional.ofNullable(in), Optional.ofNullable(until));
    }

    @Test
    void a_mute_in_one_conversation_restrains_there_only() {
        ModerationState state = with(mute(LOUNGE, null));

        assertThat(state.restraining(ANN, LOUNGE, NOW)).isPresent();
        assertThat(state.restraining(ANN, DIRECT, NOW)).isEmpty();
        assertThat(state.restraining(new UserId("ben"), LOUNGE, NOW)).isEmpty();
    }

    @Test
    void a_mute_of_the_app_restrains_everywhere_until_it_runs_out() {
        ModerationState state = with(mute(null, NOW.plusSeconds(60)));

        assertThat(state.restraining(ANN, DIRECT, NOW)).isPresent();
        assertThat(state.restraining(ANN, DIRECT, NOW.plusSeconds(59))).isPresent();
        assertThat(state.restraining(ANN, DIRECT, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void a_ban_comes_before_a_mute() {
        ModerationState state = with(mute(LOUNGE, null),
                new ModerationState.Restraint(RestrictionKind.BAN, Optional.empty(), Optional.empty()));

        assertThat(state.restraining(ANN, LOUNGE, NOW)).map(ModerationState.Restraint::kind).contains(RestrictionKind.BAN);
    }

    @Test
    void a_user_is_banned_while_a_ban_runs_and_a_mute_is_no_ban() {
        ModerationState banned = with(mute(null, null),
                new ModerationState.Restraint(RestrictionKind.BAN, Optional.empty(), Optional.of(NOW.plusSeconds(60))));
        ModerationState muted = with(mute(null, null));

        assertThat(banned.banned(ANN, NOW)).isTrue();
        assertThat(banned.banned(ANN, NOW.plusSeconds(59))).isTrue();
        assertThat(banned.banned(ANN, NOW.plusSeconds(60))).as("the ban ran out").isFalse();
        assertThat(banned.banned(new UserId("ben"), NOW)).isFalse();
        assertThat(muted.banned(ANN, NOW)).isFalse();
    }
}
