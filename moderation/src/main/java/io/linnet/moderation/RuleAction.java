package io.linnet.moderation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/**
 * What happens to a message a rule hits: {@code BLOCK} refuses the send and stores nothing;
 * {@code MASK} replaces the matched text with {@code *} before it is stored and delivered;
 * {@code FLAG} delivers the message unchanged and queues it for review.
 */
public enum RuleAction {
    BLOCK, MASK, FLAG;

    /** The action as the API writes it: "block", "mask" or "flag". */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleAction of(String raw) {
        for (RuleAction action : values()) {
            if (action.wireName().equals(raw)) {
                return action;
            }
        }
        throw DomainException.invalid("action must be 'block', 'mask' or 'flag'");
    }
}
