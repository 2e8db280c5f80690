package io.linnet.messaging.message;

import io.linnet.messaging.MessageBody;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.MessagingSettings;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmittedMessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MessagingSettings SETTINGS = MessagingSettings.defaults();

    private static MessageBody text(String text) {
        return new MessageBody("text", text, null, null, null, null);
    }

    @Test
    void a_text_message_is_stored_in_one_shape_with_absent_parts_left_out() {
        SubmittedMessage message = SubmittedMessage.of("alice", "c-1", text("hello"), SETTINGS);

        assertThat(message.body().json().toString()).isEqualTo("{\"type\":\"text\",\"text\":\"hello\"}");
        assertThat(message.body().replyTo()).isEmpty();
    }

    @Test
    void a_rich_message_keeps_attachments_mentions_and_its_reply() {
        String replyTo = UUID.randomUUID().toString();
        MessageBody body = new MessageBody("custom", null, JSON.readTree("{\"card\": {\"id\": 7}}"),
                List.of(new MessageBody.Attachment("https://files.example.com/a.png", "image/png", 1234L, "a.png")),
                List.of("bob", "carol", "bob"), replyTo);

        SubmittedMessage message = SubmittedMessage.of("alice", "c-2", body, SETTINGS);

        assertThat(message.body().json().get("data").get("card").get("id").asInt()).isEqualTo(7);
        assertThat(message.body().json().get("attachments").get(0).get("size").asLong()).isEqualTo(1234L);
        assertThat(message.body().json().get("mentions").size()).isEqualTo(2);
        assertThat(message.body().replyTo()).hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(replyTo));
    }

    @Test
    void sender_and_client_message_id_are_required_and_well_formed() {
        assertThatThrownBy(() -> SubmittedMessage.of(null, "c", text("x"), SETTINGS)).hasMessageContaining("senderId");
        assertThatThrownBy(() -> SubmittedMessage.of("bad id", "c", text("x"), SETTINGS)).hasMessageContaining("userId");
        assertThatThrownBy(() -> SubmittedMessage.of("alice", null, text("x"), SETTINGS)).hasMessageContaining("clientMsgId");
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "has space", text("x"), SETTINGS)).hasMessageContaining("clientMsgId");
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c".repeat(129), text("x"), SETTINGS)).hasMessageContaining("clientMsgId");
    }

    @Test
    void bodies_that_break_a_rule_are_bad_input() {
        List<MessageBody> bad = List.of(
                text(null),
                text("   "),
                text("x".repeat(SETTINGS.maxTextLength() + 1)),
                new MessageBody(null, "x", null, null, null, null),
                new MessageBody("video", "x", null, null, null, null),
                new MessageBody("custom", null, null, null, null, null),
                new MessageBody("custom", null, JSON.readTree("[1]"), null, null, null),
                new MessageBody("custom", null, JSON.readTree("{\"x\":\"" + "y".repeat(SETTINGS.maxDataBytes()) + "\"}"), null, null, null),
                new MessageBody("text", "x", null, List.of(new MessageBody.Attachment("ftp://x.example/a", null, null, null)), null, null),
                new MessageBody("text", "x", null, List.of(new MessageBody.Attachment(null, null, null, null)), null, null),
                new MessageBody("text", "x", null, List.of(new MessageBody.Attachment("https://x.example/a", "not a type", null, null)), null, null),
                new MessageBody("text", "x", null, List.of(new MessageBody.Attachment("https://x.example/a", null, -1L, null)), null, null),
                new MessageBody("text", "x", null, IntStream.rangeClosed(0, SETTINGS.maxAttachments())
                        .mapToObj(i -> new MessageBody.Attachment("https://x.example/" + i, null, null, null)).toList(), null, null),
                new MessageBody("text", "x", null, null, List.of("bad id"), null),
                new MessageBody("text", "x", null, null, IntStream.rangeClosed(0, SETTINGS.maxMentions()).mapToObj(i -> "u" + i).toList(), null),
                new MessageBody("text", "x", null, null, null, "not-a-message-id"));

        for (MessageBody body : bad) {
            assertThatThrownBy(() -> SubmittedMessage.of("alice", "c", body, SETTINGS)).as(body.toString())
                    .isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> SubmittedMessage.of("alice", "c", null, SETTINGS)).hasMessageContaining("body is required");
    }
}
