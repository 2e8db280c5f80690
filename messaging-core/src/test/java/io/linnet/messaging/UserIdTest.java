package io.linnet.messaging;

import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "user_1", "a.b-c", "alice@example.com", "tenant:42", "Z9"})
    void letters_digits_and_the_five_separators_make_a_user_id(String raw) {
        assertThat(UserId.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/", "percent%", "ünïcode", "semi;colon", "tab\t", "x'"})
    void anything_else_is_bad_input(String raw) {
        assertThatThrownBy(() -> UserId.of(raw))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void a_user_id_is_at_most_128_characters() {
        assertThat(UserId.isValid("a".repeat(128))).isTrue();
        assertThat(UserId.isValid("a".repeat(129))).isFalse();
        assertThat(UserId.isValid(null)).isFalse();
    }
}
