package io.linnet.console.moderation;

import com.vaadin.flow.component.html.Span;
import io.linnet.console.component.Times;
import io.linnet.moderation.Restriction;
import io.linnet.moderation.RestrictionKind;

import java.time.Duration;
import java.time.Instant;

/** How a mute or ban reads in the list: its kind as a badge, where it applies, and how long it still runs. */
final class RestrictionSummary {

    private RestrictionSummary() {
    }

    static Span kindBadge(Restriction restriction) {
        Span badge = new Span(restriction.kind() == RestrictionKind.BAN ? "Ban" : "Mute");
        badge.getElement().getThemeList().add(restriction.kind() == RestrictionKind.BAN ? "badge error" : "badge contrast");
        return badge;
    }

    /** "whole app", or the conversation it is limited to. */
    static String where(Restriction restriction) {
        return restriction.conversationId() == null ? "whole app" : "conversation " + restriction.conversationId();
    }

    /**
     * How long it still runs at {@code now}, to the minute and rounded up, so a mute of one hour
     * just imposed reads "1 h left": "2 h 13 min left", "3 d 4 h left", "until lifted"; or how it ended.
     */
    static String remaining(Restriction restriction, Instant now) {
        if (restriction.liftedAt() != null) {
            return "replaced".equals(restriction.liftReason()) ? "replaced by a newer one"
                    : "lifted " + Times.format(restriction.liftedAt()) + " by " + restriction.liftedBy();
        }
        if (restriction.expiresAt() == null) {
            return "until lifted";
        }
        if (!restriction.expiresAt().isAfter(now)) {
            return "ended " + Times.format(restriction.expiresAt());
        }
        long minutes = (Duration.between(now, restriction.expiresAt()).toSeconds() + 59) / 60;
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "") + " left";
        }
        if (hours > 0) {
            return hours + " h" + (mins > 0 ? " " + mins + " min" : "") + " left";
        }
        return mins + " min left";
    }
}
