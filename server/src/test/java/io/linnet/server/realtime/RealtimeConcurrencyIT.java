package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Many senders in one group at once: seqs stay gap-free and every member receives them in order. */
class RealtimeConcurrencyIT extends ServerIT {

    private static final int SENDERS = 20;
    private static final int MESSAGES_EACH = 200;

    private Chat chat;

    @BeforeEach
    void app() {
        chat = new Chat(MessagingApp.create(api(), fixtures(), "Realtime Crowd"));
    }

    @AfterEach
    void disconnect() {
        chat.close();
    }

    @Test
    void twenty_concurrent_senders_make_gap_free_seqs_that_every_member_receives_in_order() throws Exception {
        String[] members = IntStream.range(0, SENDERS).mapToObj(i -> "member-" + i).toArray(String[]::new);
        chat.app().users(members);
        String group = chat.app().group("Crowd", members);
        List<ChatClient> devices = new ArrayList<>();
        for (String member : members) {
            devices.add(chat.device(member));
        }

        List<Long> acked = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Long>>> sent = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                ChatClient device = devices.get(s);
                int sender = s;
                sent.add(senders.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int m = 0; m < MESSAGES_EACH; m++) {
                        long started = System.nanoTime();
                        seqs.add(device.say(group, "s" + sender + "-m" + m, "message " + m + " of " + sender).get("seq").asLong());
                        // stay within the per-connection send rate (20/s with a burst of 40)
                        long pause = 52_000_000L - (System.nanoTime() - started);
                        if (m >= 30 && pause > 0) {
                            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                        }
                    }
                    return seqs;
                }));
            }
            for (Future<List<Long>> one : sent) {
                acked.addAll(one.get());
            }
        }

        int total = SENDERS * MESSAGES_EACH;
        List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
        assertThat(new HashSet<>(acked)).as("every ack has its own seq, none missing").hasSize(total)
                .containsExactlyInAnyOrderElementsOf(expected);
        for (ChatClient device : devices) {
            List<JsonNode> received = device.messages(group, total);
            assertThat(received).extracting(message -> message.get("seq").asLong())
                    .as("received in seq order, without gaps or duplicates").containsExactlyElementsOf(expected);
        }
        Set<String> texts = new HashSet<>();
        devices.getFirst().seen().stream().filter(frame -> frame.path("type").asString().equals("message"))
                .forEach(frame -> texts.add(frame.at("/body/text").asString()));
        assertThat(texts).hasSize(total);
    }
}
