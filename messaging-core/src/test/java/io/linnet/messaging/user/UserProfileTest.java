package io.linnet.messaging.user;

import io.linnet.messaging.UserProfile;
import io.linnet.messaging.MessagingSettings;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserProfileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MessagingSettings SETTINGS = MessagingSettings.defaults();

    @Test
    void absent_fields_make_an_empty_profile() {
        UserProfile profile = UserProfile.of(null, null, null, null, SETTINGS);

        assertThat(profile.name()).isNull();
        assertThat(profile.avatarUrl()).isNull();
        assertThat(profile.custom().isEmpty()).isTrue();
        assertThat(profile.tags()).isEmpty();
    }

    @Test
    void a_full_profile_is_kept_with_repeated_tags_once() {
        UserProfile profile = UserProfile.of("  Alice ", "https://cdn.example.com/a.png",
                JSON.readTree("{\"level\": 3}"), List.of("vip", "beta", "vip"), SETTINGS);

        assertThat(profile.name()).isEqualTo("Alice");
        assertThat(profile.avatarUrl()).isEqualTo("https://cdn.example.com/a.png");
        assertThat(profile.custom().get("level").asInt()).isEqualTo(3);
        assertThat(profile.tags()).containsExactly("vip", "beta");
    }

    @Test
    void custom_must_be_a_json_object_within_the_size_limit() {
        assertThatThrownBy(() -> UserProfile.of(null, null, JSON.readTree("[1, 2]"), null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("custom must be a JSON object");
        assertThatThrownBy(() -> UserProfile.of(null, null, JSON.readTree("\"text\""), null, SETTINGS))
                .isInstanceOf(DomainException.class);
        String big = "{\"x\": \"" + "y".repeat(SETTINGS.maxUserCustomBytes()) + "\"}";
        assertThatThrownBy(() -> UserProfile.of(null, null, JSON.readTree(big), null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most");
    }

    @Test
    void avatars_are_http_urls_and_names_are_short() {
        assertThatThrownBy(() -> UserProfile.of(null, "javascript:alert(1)", null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("avatarUrl");
        assertThatThrownBy(() -> UserProfile.of(null, "not a url", null, null, SETTINGS))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> UserProfile.of("n".repeat(129), null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("name");
    }

    @Test
    void tags_have_a_shape_and_a_count_limit() {
        assertThatThrownBy(() -> UserProfile.of(null, null, null, List.of("has space"), SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("tag");
        List<String> many = java.util.stream.IntStream.rangeClosed(0, SETTINGS.maxUserTags()).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> UserProfile.of(null, null, null, many, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most");
    }

    @Test
    void a_nul_or_a_lone_surrogate_in_name_avatar_or_custom_is_refused_naming_the_field() {
        assertThatThrownBy(() -> UserProfile.of("Ali\uD83Dce", null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("name must not contain");
        assertThatThrownBy(() -> UserProfile.of("Ali\u0000ce", null, null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> UserProfile.of(null, "https://cdn.example.com/\uDE00.png", null, null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("avatarUrl must not contain");
        assertThatThrownBy(() -> UserProfile.of(null, null, JSON.readTree("{\"bio\": \"a\\u0000b\"}"), null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("custom must not contain");
        assertThatThrownBy(() -> UserProfile.of(null, null, JSON.readTree("{\"list\": [{\"x\": \"\\ud800\"}]}"), null, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("custom must not contain");
    }
}
