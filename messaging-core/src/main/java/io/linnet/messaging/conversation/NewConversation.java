package io.linnet.messaging.conversation;

import io.linnet.messaging.ConversationType;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.messaging.StorableText;
import io.linnet.tenancy.DomainException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A checked request for a conversation: a direct one between exactly two different users, or a
 * group with at least one member, an optional name and owner, and a member limit within the
 * platform's.
 */
public record NewConversation(ConversationType type, List<UserId> members, Optional<String> name,
                              Optional<UserId> owner, int memberLimit) {

    static final int MAX_NAME = 128;

    public NewConversation {
        members = List.copyOf(members);
    }

    /** Checks a developer's input; bad input is a {@link DomainException} that says what is wrong. */
    public static NewConversation of(String type, List<String> members, String name, Integer memberLimit, String owner,
                                     MessagingSettings settings) {
        ConversationType checkedType = ConversationType.of(type);
        List<UserId> checkedMembers = members(members, settings.groupMemberLimit());
        Optional<UserId> checkedOwner = Optional.ofNullable(owner).map(UserId::of);
        if (checkedType == ConversationType.DIRECT) {
            if (checkedMembers.size() != 2) {
                throw DomainException.invalid("a direct conversation has exactly two different members");
            }
            if (name != null || memberLimit != null || owner != null) {
                throw DomainException.invalid("a direct conversation has no name, member limit or owner");
            }
            return new NewConversation(checkedType, checkedMembers, Optional.empty(), Optional.empty(), 2);
        }
        int limit = memberLimit == null ? settings.groupMemberLimit() : memberLimit;
        if (limit < 2 || limit > settings.groupMemberLimit()) {
            throw DomainException.invalid("memberLimit must be between 2 and " + settings.groupMemberLimit());
        }
        if (checkedMembers.isEmpty() || checkedMembers.size() > limit) {
            throw DomainException.invalid("a group has between 1 and " + limit + " members");
        }
        if (checkedOwner.isPresent() && !checkedMembers.contains(checkedOwner.get())) {
            throw DomainException.invalid("owner must be one of the members");
        }
        return new NewConversation(checkedType, checkedMembers, name(name), checkedOwner, limit);
    }

    /** Checks a list of member ids: present, well-formed, without repeats, at most {@code max}. */
    static List<UserId> members(List<String> raw, int max) {
        if (raw == null) {
            throw DomainException.invalid("members is required");
        }
        if (raw.size() > max) {
            throw DomainException.invalid("at most " + max + " members at once");
        }
        LinkedHashSet<UserId> members = new LinkedHashSet<>();
        for (String member : raw) {
            members.add(UserId.of(member));
        }
        return List.copyOf(members);
    }

    static Optional<String> name(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = StorableText.check(raw, "name").strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("name must be at most " + MAX_NAME + " characters, without control characters");
        }
        return Optional.of(name);
    }
}
