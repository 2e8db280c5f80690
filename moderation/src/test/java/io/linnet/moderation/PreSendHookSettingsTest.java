package io.linnet.moderation;

import io.linnet.moderation.PreSendHookSettings.FailurePolicy;
import io.linnet.moderation.hook.HookDecision;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreSendHookSettingsTest {

    private static final String SECRET = "whsec-0123456789abcdef";

    @Test
    void an_https_hook_is_accepted_with_a_one_second_fail_open_default() {
        PreSendHookSettings settings = PreSendHookSettings.checked("https://hooks.example.com/linnet", SECRET, null, null, false);

        assertThat(settings.url()).isEqualTo(URI.create("https://hooks.example.com/linnet"));
        assertThat(settings.secret()).isEqualTo(SECRET);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.onFailure()).isEqualTo(FailurePolicy.OPEN);
    }

    @Test
    void the_app_chooses_the_timeout_from_100_ms_to_5_s_and_the_failure_policy() {
        String url = "https://hooks.example.com/linnet";

        assertThat(PreSendHookSettings.checked(url, SECRET, 100, "closed", false).timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(PreSendHookSettings.checked(url, SECRET, 5000, "open", false).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(PreSendHookSettings.checked(url, SECRET, 300, "closed", false).onFailure()).isEqualTo(FailurePolicy.CLOSED);
        for (int millis : new int[] {99, 5001, 0, -1}) {
            assertThatThrownBy(() -> PreSendHookSettings.checked(url, SECRET, millis, "open", false)).as("" + millis)
                    .isInstanceOf(DomainException.class).hasMessageContaining("timeoutMillis");
        }
        for (String policy : new String[] {"", "OPEN", "fail-open", "closed "}) {
            assertThatThrownBy(() -> PreSendHookSettings.checked(url, SECRET, 300, policy, false)).as(policy)
                    .isInstanceOf(DomainException.class).hasMessageContaining("onFailure");
        }
    }

    @Test
    void plain_http_is_allowed_only_to_this_machine_and_only_when_insecure_hooks_are_allowed() {
        assertThat(PreSendHookSettings.checked("http://127.0.0.1:8080/hook", SECRET, null, null, true).url().getPort())
                .isEqualTo(8080);
        assertThat(PreSendHookSettings.checked("http://localhost/hook", SECRET, null, null, true)).isNotNull();
        assertThat(PreSendHookSettings.checked("http://[::1]:9/hook", SECRET, null, null, true)).isNotNull();

        assertThatThrownBy(() -> PreSendHookSettings.checked("http://127.0.0.1:8080/hook", SECRET, null, null, false))
                .isInstanceOf(DomainException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> PreSendHookSettings.checked("http://hooks.example.com/hook", SECRET, null, null, true))
                .isInstanceOf(DomainException.class).hasMessageContaining("https");
    }

    @Test
    void a_url_that_is_not_an_https_address_is_refused() {
        for (String url : new String[] {null, " ", "hooks.example.com/linnet", "/linnet", "ftp://hooks.example.com/x",
                "https://user:pw@hooks.example.com/x", "https://hooks example.com", "https:///path",
                "https://hooks.example.com/" + "x".repeat(PreSendHookSettings.MAX_URL_LENGTH)}) {
            assertThatThrownBy(() -> PreSendHookSettings.checked(url, SECRET, null, null, true)).as(url)
                    .isInstanceOf(DomainException.class).hasMessageContaining("url");
        }
    }

    @Test
    void the_secret_must_be_long_enough_to_sign_with() {
        for (String secret : new String[] {null, "", " ".repeat(20), "short", "x".repeat(257)}) {
            assertThatThrownBy(() -> PreSendHookSettings.checked("https://hooks.example.com", secret, null, null, false))
                    .isInstanceOf(DomainException.class).hasMessageContaining("secret");
        }
    }

    @Test
    void the_secret_never_shows_in_the_settings_text() {
        PreSendHookSettings settings = PreSendHookSettings.checked("https://hooks.example.com/linnet", SECRET, 250, "closed", false);

        assertThat(settings.toString()).doesNotContain(SECRET).contains("hooks.example.com", "closed");
    }

    @Test
    void the_failure_policy_travels_as_a_lower_case_word() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(FailurePolicy.CLOSED)).isEqualTo("\"closed\"");
        assertThat(FailurePolicy.of("open")).isEqualTo(FailurePolicy.OPEN);
    }

    @Test
    void a_failed_hook_lets_the_message_through_when_open_and_blocks_it_when_closed() {
        HookDecision failed = new HookDecision.Failed("the hook answered HTTP 503");
        HookDecision block = new HookDecision.Block("no");

        assertThat(FailurePolicy.OPEN.settle(failed)).isEqualTo(new HookDecision.Allow());
        assertThat(FailurePolicy.CLOSED.settle(failed)).isInstanceOf(HookDecision.Block.class);
        assertThat(FailurePolicy.OPEN.settle(block)).isSameAs(block);
        assertThat(FailurePolicy.CLOSED.settle(new HookDecision.Allow())).isEqualTo(new HookDecision.Allow());
    }
}
