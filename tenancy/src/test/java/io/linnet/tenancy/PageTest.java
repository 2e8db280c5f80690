package io.linnet.tenancy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    @Test
    void a_page_with_more_rows_than_its_limit_carries_a_cursor_to_the_next_one() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, s -> s);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isPresent();
        assertThat(Page.decodeCursor(page.nextCursor().get())).contains("b");
    }

    @Test
    void the_last_page_has_no_cursor() {
        assertThat(Page.of(List.of("a", "b"), 2, s -> s).nextCursor()).isEmpty();
    }

    @Test
    void limits_outside_one_to_two_hundred_are_bad_input_and_none_means_the_default() {
        assertThat(Page.Request.of(null, null)).isEqualTo(new Page.Request(Page.DEFAULT_LIMIT, Optional.empty()));
        assertThatThrownBy(() -> Page.Request.of(0, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Page.Request.of(201, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_forged_cursor_is_bad_input() {
        assertThatThrownBy(() -> Page.Request.of(10, "%%%"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> Page.Request.uuidKey("not-a-uuid"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
}
