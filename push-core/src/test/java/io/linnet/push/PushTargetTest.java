package io.linnet.push;

import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushTargetTest {

    @Test
    void a_target_is_exactly_one_of_users_devices_tags_or_all() {
        assertThat(PushTarget.check(List.of("a", "b", "a"), null, null, null, false, null, 10).ids())
                .as("repeats count once").containsExactly("a", "b");
        assertThat(PushTarget.check(null, null, null, List.of("vip"), true, null, 10).kind()).isEqualTo(PushTarget.Kind.TAGS_ALL);
        assertThat(PushTarget.check(null, null, null, null, false, true, 10).kind()).isEqualTo(PushTarget.Kind.ALL);
        assertThatThrownBy(() -> PushTarget.check(List.of("a"), null, null, null, false, true, 10))
                .isInstanceOf(DomainException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> PushTarget.check(List.of("a", "b", "c"), null, null, null, false, null, 2))
                .isInstanceOf(DomainException.class).hasMessageContaining("more than 2");
    }

    @Test
    void the_stored_json_reads_back_as_the_same_target() {
        for (PushTarget target : List.of(PushTarget.users(List.of("a")), PushTarget.devices(List.of("0190aaaa-0000-7000-8000-000000000000")),
                new PushTarget(PushTarget.Kind.TAGS_ANY, List.of("x")), new PushTarget(PushTarget.Kind.TAGS_ALL, List.of("y")),
                PushTarget.all())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = PushContent.JSON.readValue(PushContent.JSON.writeValueAsString(target.json()), Map.class);
            assertThat(PushTarget.fromJson(json)).isEqualTo(target);
        }
    }
}
