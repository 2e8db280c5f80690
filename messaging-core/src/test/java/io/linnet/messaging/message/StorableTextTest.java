package io.linnet.messaging.message;

import io.linnet.messaging.MessageBody;
import io.linnet.messaging.StorableText;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.MessagingSettings;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorableTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MessagingSettings SETTINGS = MessagingSettings.defaults();

    @Test
    void text_with_a_nul_or_half_a_surrogate_pair_is_not_storable_but_whole_pairs_are() {
        assertThat(StorableText.storable("hello 😀 你好")).isTrue();
        assertThat(StorableText.storable("")).isTrue();
        for (String bad : new String[] {"a\u0000b", "\u0000", "end \uD83D", "\uDE00 start", "a\uD83Db", "\uDE00\uD83D"}) {
            assertThat(StorableText.storable(bad)).as(bad.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .isFalse();
        }
    }

    @Test
    void a_message_with_a_nul_anywhere_is_refused_naming_the_field_and_not_its_content() {
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c-1", text("secret\u0000text"), SETTINGS))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("body.text must not contain the NUL character")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c-1", custom("{\"card\": {\"tags\": [\"ok\", \"x\\u0000y\"]}}"), SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("body.data must not contain");
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c-1", custom("{\"ke\\u0000y\": 1}"), SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("body.data must not contain");
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c-1", new MessageBody("text", "hi", null,
                List.of(new MessageBody.Attachment("https://files.example.com/a.png", null, null, "a\u0000.png")), null, null), SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("an attachment's name must not contain");
    }

    @Test
    void a_message_with_a_lone_surrogate_from_a_json_escape_is_refused() {
        MessageBody parsed = JSON.readValue("{\"type\":\"text\",\"text\":\"hi \\ud83d there\"}", MessageBody.class);
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c-1", parsed, SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("body.text must not contain");
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c-1", custom("{\"emoji\": \"\\ude00\"}"), SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("body.data must not contain");
    }

    @Test
    void a_hook_replacement_with_a_nul_is_refused_like_a_clients_body() {
        SubmittedMessage message = SubmittedMessage.of("alice", "c-1", text("hello"), SETTINGS);
        assertThatThrownBy(() -> message.withBody(JSON.readTree("{\"type\":\"text\",\"text\":\"h\\u0000\"}"), SETTINGS))
                .isInstanceOf(DomainException.class).hasMessageContaining("body.text must not contain");
    }

    private static MessageBody text(String text) {
        return new MessageBody("text", text, null, null, null, null);
    }

    private static MessageBody custom(String data) {
        return new MessageBody("custom", null, JSON.readTree(data), null, null, null);
    }
}
