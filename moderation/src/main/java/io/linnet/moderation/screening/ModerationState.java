package io.linnet.moderation.screening;

import io.linnet.moderation.PreSendHookSettings;
import io.linnet.moderation.RestrictionKind;
import io.linnet.moderation.rule.RuleSet;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One app's moderation as the send path needs it, compiled once per node: the enabled rules, the
 * pre-send hook if there is one, and the mutes and bans in force.
 *
 * @param scoped whether some rule applies to one type of conversation only (then a send that hits a
 *               rule needs its conversation's type)
 */
public record ModerationState(RuleSet rules, boolean scoped, Optional<PreSendHookSettings> hook,
                              Map<UserId, List<Restraint>> restraints, Instant loadedAt) {

    /** A mute or ban in force when the state was read; it may have run out since. */
    public record Restraint(RestrictionKind kind, Optional<ConversationId> conversation, Optional<Instant> expiresAt) {

        boolean appliesTo(ConversationId sentTo, Instant now) {
            return inForceAt(now) && (kind == RestrictionKind.BAN || conversation.map(sentTo::equals).orElse(true));
        }

        boolean inForceAt(Instant now) {
            return expiresAt.map(now::isBefore).orElse(true);
        }
    }

    /** The restraint that keeps {@code sender} from sending to {@code conversation} now: a ban before a mute. */
    public Optional<Restraint> restraining(UserId sender, ConversationId conversation, Instant now) {
        List<Restraint> own = restraints.get(sender);
        if (own == null) {
            return Optional.empty();
        }
        return own.stream()
                .filter(restraint -> restraint.appliesTo(conversation, now))
                .min((a, b) -> a.kind() == b.kind() ? 0 : a.kind() == RestrictionKind.BAN ? -1 : 1);
    }

    /** Whether {@code user} is banned from the app at {@code now}: their tokens are refused. */
    public boolean banned(UserId user, Instant now) {
        List<Restraint> own = restraints.get(user);
        return own != null && own.stream()
                .anyMatch(restraint -> restraint.kind() == RestrictionKind.BAN && restraint.inForceAt(now));
    }
}
