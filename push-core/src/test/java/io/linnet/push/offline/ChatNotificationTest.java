package io.linnet.push.offline;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.push.OfflinePushPolicy;
import io.linnet.push.PushContent;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatNotificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MessageSent message(String body) {
        return new MessageSent(new TenantId(Ids.next()), new AppId(Ids.next()), new ConversationId(Ids.next()),
                ConversationType.DIRECT, new MessageId(Ids.next()), 7, UserId.of("mia"), List.of(UserId.of("leo")),
                List.of(UserId.of("leo")), JSON.readTree(body), body.length(), Instant.now());
    }

    @Test
    void full_preview_shows_the_sender_and_the_text_in_a_direct_conversation_and_the_group_in_a_group() {
        MessageSent sent = message("{\"type\":\"text\",\"text\":\"See you\\n at 8?\"}");
        PushContent direct = ChatNotification.of(sent, OfflinePushPolicy.DEFAULT, "Mia", null, false, 3);
        assertThat(direct.title()).isEqualTo("Mia");
        assertThat(direct.body()).isEqualTo("See you at 8?");
        assertThat(direct.badge()).isEqualTo(3);
        assertThat(direct.data()).containsEntry("seq", "7").containsEntry("senderId", "mia").containsEntry("count", "1");
        PushContent group = ChatNotification.of(sent, OfflinePushPolicy.DEFAULT, "Mia", "Climbers", true, 1);
        assertThat(group.title()).isEqualTo("Climbers");
        assertThat(group.body()).isEqualTo("Mia: See you at 8?");
    }

    @Test
    void sender_and_none_previews_leave_out_the_text_and_none_also_who_wrote() {
        MessageSent sent = message("{\"type\":\"text\",\"text\":\"secret\"}");
        PushContent sender = ChatNotification.of(sent, new OfflinePushPolicy(true, "sender"), "Mia", "Climbers", true, 1);
        assertThat(sender.title()).isEqualTo("Climbers");
        assertThat(sender.body()).isEqualTo("New message from Mia");
        PushContent none = ChatNotification.of(sent, new OfflinePushPolicy(true, "none"), "Mia", "Climbers", true, 1);
        assertThat(none.title()).isEmpty();
        assertThat(none.body()).isEqualTo("New message");
        assertThat(none.data()).doesNotContainKey("senderId");
        assertThat(JSON.writeValueAsString(none)).doesNotContain("secret").doesNotContain("Mia").doesNotContain("Climbers");
    }

    @Test
    void a_message_without_text_is_named_by_what_it_carries_and_a_long_text_is_shortened() {
        assertThat(ChatNotification.preview(JSON.readTree("{\"type\":\"custom\",\"attachments\":[{\"url\":\"https://x\",\"type\":\"image/png\"}]}")))
                .isEqualTo("Photo");
        assertThat(ChatNotification.preview(JSON.readTree("{\"type\":\"custom\",\"attachments\":[{\"url\":\"https://x\"},{\"url\":\"https://y\"}]}")))
                .isEqualTo("2 attachments");
        assertThat(ChatNotification.preview(JSON.readTree("{\"type\":\"custom\",\"data\":{}}"))).isEqualTo("New message");
        String shortened = ChatNotification.preview(JSON.readTree("{\"type\":\"text\",\"text\":\"" + "a".repeat(300) + "\"}"));
        assertThat(shortened).hasSize(ChatNotification.PREVIEW_LENGTH).endsWith("…");
    }
}
