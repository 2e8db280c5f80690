package io.linnet.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleTest {

    @Test
    void only_an_owner_may_hand_out_ownership() {
        for (Role role : Role.values()) {
            assertThat(role.allows(Permission.TEAM_OWNERSHIP)).as(role.name()).isEqualTo(role == Role.OWNER);
        }
    }

    @Test
    void a_viewer_reads_and_changes_nothing() {
        assertThat(Role.VIEWER.permissions())
                .contains(Permission.APPS_READ, Permission.KEYS_READ)
                .doesNotContain(Permission.APPS_WRITE, Permission.KEYS_WRITE, Permission.TEAM_WRITE, Permission.AUDIT_READ);
    }

    @Test
    void only_owners_admins_and_moderators_may_read_message_content() {
        for (Role role : Role.values()) {
            assertThat(role.allows(Permission.MESSAGES_READ)).as(role.name())
                    .isEqualTo(role == Role.OWNER || role == Role.ADMIN || role == Role.MODERATOR);
        }
    }

    @Test
    void operators_hold_no_tenant_permission() {
        assertThat(Role.OPERATOR.permissions()).isEmpty();
        assertThat(Role.OPERATOR.isTenantRole()).isFalse();
    }

    @Test
    void role_names_are_read_without_regard_to_case_and_unknown_ones_are_bad_input() {
        assertThat(Role.parse(" admin ")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> Role.parse("root")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Role.parse(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_member_without_the_permission_is_refused() {
        Actor.Member viewer = new Actor.Member(new AccountId(Ids.next()), new TenantId(Ids.next()), "v@x.test", Role.VIEWER, "127.0.0.1");

        assertThatThrownBy(() -> viewer.require(Permission.KEYS_WRITE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }
}
