package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that was away gets exactly what it missed, and a retried send stores nothing twice. */
class RealtimeSyncIT extends ServerIT {

    private Chat chat;
    private String conversation;

    @BeforeEach
    void twoPeople() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Realtime Sync"));
        chat.app().users("ann", "ben");
        conversation = chat.app().direct("ann", "ben");
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void a_client_that_reconnects_with_its_last_seq_gets_exactly_the_missed_messages_in_order() {
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");
        for (int i = 1; i <= 3; i++) {
            ann.say(conversation, "before-" + i, "before " + i);
        }
        long lastSeen = ben.messages(conversation, 3).getLast().get("seq").asLong();
        ben.close();

        for (int i = 1; i <= 5; i++) {
            ann.say(conversation, "away-" + i, "while away " + i);
        }
        ChatClient benAgain = chat.device("ben");
        benAgain.send(Map.of("type", "sync", "ref", "s1", "conversations", List.of(Map.of("id", conversation, "afterSeq", lastSeen))));

        List<JsonNode> missed = benAgain.messages(conversation, 5);
        JsonNode synced = benAgain.next("synced");
        assertThat(missed).extracting(message -> message.get("seq").asLong()).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(missed).extracting(message -> message.at("/body/text").asString())
                .containsExactly("while away 1", "while away 2", "while away 3", "while away 4", "while away 5");
        assertThat(synced.get("ref").asString()).isEqualTo("s1");
        JsonNode entry = synced.get("conversations").get(0);
        assertThat(entry.get("id").asString()).isEqualTo(conversation);
        assertThat(entry.get("lastSeq").asLong()).isEqualTo(8);
        assertThat(entry.get("unread").asLong()).isEqualTo(8);
        assertThat(entry.get("hasMore").asBoolean()).isFalse();
        assertThat(benAgain.seen()).filteredOn(frame -> frame.path("type").asString().equals("message"))
                .as("no duplicates").hasSize(5);
    }

    @Test
    void a_long_gap_comes_in_pages_that_say_there_is_more() {
        ChatClient ann = chat.device("ann");
        for (int i = 1; i <= 5; i++) {
            ann.say(conversation, "p-" + i, "page " + i);
        }
        ChatClient ben = chat.device("ben");

        ben.send(Map.of("type", "sync", "limit", 2, "conversations", List.of(Map.of("id", conversation, "afterSeq", 0))));
        assertThat(ben.messages(conversation, 2)).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L);
        assertThat(ben.next("synced").at("/conversations/0/hasMore").asBoolean()).isTrue();

        ben.send(Map.of("type", "sync", "limit", 2, "conversations", List.of(Map.of("id", conversation, "afterSeq", 2))));
        assertThat(ben.messages(conversation, 2)).extracting(m -> m.get("seq").asLong()).containsExactly(3L, 4L);
        assertThat(ben.next("synced").at("/conversations/0/hasMore").asBoolean()).isTrue();
    }

    @Test
    void resending_a_client_msg_id_answers_the_original_ack_and_stores_nothing() {
        ChatClient ann = chat.device("ann");
        ChatClient ben = chat.device("ben");
        JsonNode first = ann.say(conversation, "retry-me", "only once");
        ann.close();

        ChatClient annAgain = chat.device("ann");
        JsonNode again = annAgain.say(conversation, "retry-me", "only once");

        assertThat(again.get("repeated").asBoolean()).isTrue();
        assertThat(again.get("messageId").asString()).isEqualTo(first.get("messageId").asString());
        assertThat(again.get("seq").asLong()).isEqualTo(first.get("seq").asLong());
        assertThat(MessagingApp.seqs(chat.app().history(conversation, "?afterSeq=0"))).containsExactly(1L);
        assertThat(ben.messages(conversation, 1)).hasSize(1);
        assertThat(ben.receives(frame -> frame.path("type").asString().equals("message"), java.time.Duration.ofMillis(300)))
                .as("the repeat is not delivered again").isFalse();
    }

    @Test
    void the_conversation_list_counts_unread_messages_and_reading_clears_them_on_every_device() {
        String group = chat.app().group("Book club", "ann", "ben");
        ChatClient ann = chat.device("ann");
        ann.say(group, "g-1", "first");
        ann.say(group, "g-2", "second");
        ann.say(conversation, "d-1", "direct");
        ChatClient benPhone = chat.device("ben");
        ChatClient benLaptop = chat.device("ben");

        benPhone.send(Map.of("type", "sync"));
        JsonNode list = benPhone.next("synced").get("conversations");
        assertThat(list).extracting(entry -> entry.get("id").asString()).containsExactly(conversation, group);
        assertThat(list).extracting(entry -> entry.get("unread").asLong()).containsExactly(1L, 2L);

        benPhone.send(Map.of("type", "read", "conversationId", group, "seq", 2));
        JsonNode receipt = benLaptop.next("receipt");
        assertThat(receipt.get("conversationId").asString()).isEqualTo(group);
        assertThat(receipt.get("userId").asString()).isEqualTo("ben");
        assertThat(receipt.get("seq").asLong()).isEqualTo(2);
        assertThat(ann.next("receipt").get("seq").asLong()).isEqualTo(2);

        benLaptop.send(Map.of("type", "sync"));
        assertThat(benLaptop.next("synced").get("conversations"))
                .extracting(entry -> entry.get("unread").asLong()).containsExactly(1L, 0L);
    }
}
