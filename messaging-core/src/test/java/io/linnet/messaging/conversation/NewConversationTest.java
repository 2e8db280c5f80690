package io.linnet.messaging.conversation;

import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewConversationTest {

    private static final MessagingSettings SETTINGS = MessagingSettings.defaults();

    @Test
    void a_direct_conversation_has_exactly_two_different_members_and_nothing_else() {
        NewConversation direct = NewConversation.of("direct", List.of("bob", "alice"), null, null, null, SETTINGS);
        assertThat(direct.members()).containsExactly(UserId.of("bob"), UserId.of("alice"));

        assertThatThrownBy(() -> NewConversation.of("direct", List.of("alice", "alice"), null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("exactly two");
        assertThatThrownBy(() -> NewConversation.of("direct", List.of("a", "b", "c"), null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> NewConversation.of("direct", List.of("a", "b"), "name", null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("no name");
    }

    @Test
    void a_group_takes_the_platform_limit_unless_it_asks_for_a_smaller_one() {
        assertThat(NewConversation.of("group", List.of("a"), "Team", null, null, SETTINGS).memberLimit())
                .isEqualTo(10_000);
        assertThat(NewConversation.of("group", List.of("a", "b"), "Team", 2, "a", SETTINGS).memberLimit()).isEqualTo(2);

        assertThatThrownBy(() -> NewConversation.of("group", List.of("a", "b", "c"), null, 2, null, SETTINGS))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> NewConversation.of("group", List.of("a"), null, 10_001, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("memberLimit");
    }

    @Test
    void members_type_and_owner_are_checked() {
        assertThatThrownBy(() -> NewConversation.of("channel", List.of("a"), null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> NewConversation.of("group", null, null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("members is required");
        assertThatThrownBy(() -> NewConversation.of("group", List.of(), null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> NewConversation.of("group", List.of("bad id"), null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> NewConversation.of("group", List.of("a"), null, null, "b", SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("owner");
    }
}
