package io.linnet.moderation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.messaging.ConversationType;
import io.linnet.tenancy.DomainException;

import java.util.Locale;
import java.util.Objects;

/** The conversations a rule applies to: all of them, groups only, or direct conversations only. */
public enum RuleScope {
    ALL, GROUPS, DIRECT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleScope of(String raw) {
        for (RuleScope scope : values()) {
            if (scope.wireName().equals(raw)) {
                return scope;
            }
        }
        throw DomainException.invalid("scope must be 'all', 'groups' or 'direct'");
    }

    /** Whether a rule of this scope applies in a conversation of {@code type} (never null: no type means every rule applies). */
    public boolean covers(ConversationType type) {
        Objects.requireNonNull(type, "type");
        return switch (this) {
            case ALL -> true;
            case GROUPS -> type == ConversationType.GROUP;
            case DIRECT -> type == ConversationType.DIRECT;
        };
    }
}
