package io.linnet.messaging.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;

import java.util.Locale;

/** A member's role in a conversation. */
public enum MemberRole {
    OWNER, ADMIN, MEMBER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MemberRole of(String raw) {
        for (MemberRole role : values()) {
            if (role.wireName().equals(raw)) {
                return role;
            }
        }
        throw DomainException.invalid("role must be 'owner', 'admin' or 'member'");
    }
}
