package io.linnet.moderation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/**
 * How a rule's terms are read: as keywords (matched through case, width and separator tricks, see
 * {@link io.linnet.moderation.rule.RuleSet}) or as regular expressions.
 */
public enum RuleKind {
    KEYWORDS, REGEX;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleKind of(String raw) {
        for (RuleKind kind : values()) {
            if (kind.wireName().equals(raw)) {
                return kind;
            }
        }
        throw DomainException.invalid("kind must be 'keywords' or 'regex'");
    }
}
