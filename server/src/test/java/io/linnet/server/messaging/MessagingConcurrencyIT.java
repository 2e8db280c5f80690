package io.linnet.server.messaging;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent senders in one conversation: gap-free, unique seqs; racing retries store once. */
class MessagingConcurrencyIT extends ServerIT {

    private static final int SENDERS = 20;
    private static final int MESSAGES_EACH = 25;

    /** Runs every task at once (behind one start gate) and answers their results. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void twenty_concurrent_senders_in_one_group_get_seqs_one_to_five_hundred_without_gaps_or_repeats() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Busy Group");
        String[] members = IntStream.range(0, SENDERS).mapToObj(i -> "member-" + i).toArray(String[]::new);
        app.users(members);
        String group = app.group("Busy", members);

        List<List<Long>> seqsBySender = allAtOnce(IntStream.range(0, SENDERS).<Callable<List<Long>>>mapToObj(sender -> () -> {
            List<Long> seqs = new ArrayList<>();
            for (int n = 0; n < MESSAGES_EACH; n++) {
                Api.Response sent = app.send(group, members[sender], "c-" + n, members[sender] + " #" + n);
                assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
                seqs.add(sent.json().get("seq").asLong());
            }
            return seqs;
        }).toList());

        int total = SENDERS * MESSAGES_EACH;
        assertThat(seqsBySender.stream().flatMap(List::stream).sorted().toList())
                .as("every answered seq, once").isEqualTo(IntStream.rangeClosed(1, total).mapToObj(i -> (long) i).toList());
        assertThat(seqsBySender).allSatisfy(seqs -> assertThat(seqs).isSorted());

        List<Long> stored = new ArrayList<>();
        Set<String> sends = new HashSet<>();
        for (long after = 0; stored.size() < total; ) {
            JsonNode page = app.history(group, "?afterSeq=" + after + "&limit=200");
            assertThat(page.get("items").isEmpty()).isFalse();
            for (JsonNode message : page.get("items")) {
                stored.add(message.get("seq").asLong());
                sends.add(message.get("senderId").asString() + "/" + message.get("clientMsgId").asString());
                after = message.get("seq").asLong();
            }
        }
        assertThat(stored).isEqualTo(IntStream.rangeClosed(1, total).mapToObj(i -> (long) i).toList());
        assertThat(sends).hasSize(total);
        assertThat(app.history(group, "?afterSeq=" + total).get("items").isEmpty()).isTrue();
        assertThat(app.client().get("/v1/conversations/" + group).json().get("lastSeq").asLong()).isEqualTo(total);
    }

    @Test
    void racing_copies_of_one_send_store_it_once_and_all_answer_the_original() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Racing Retries");
        app.users("ann", "ben");
        String direct = app.direct("ann", "ben");

        List<Api.Response> answers = allAtOnce(IntStream.range(0, 10)
                .<Callable<Api.Response>>mapToObj(i -> () -> app.send(direct, "ann", "the-one", "hello")).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers.stream().map(answer -> answer.json().get("messageId").asString()).distinct()).hasSize(1);
        assertThat(answers.stream().map(answer -> answer.json().get("seq").asLong()).distinct()).containsExactly(1L);
        assertThat(app.sent(direct, "ben", "next", "after the race").get("seq").asLong()).isEqualTo(2);
    }

    @Test
    void racing_creations_of_one_direct_conversation_make_one() throws Exception {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Racing Pairs");
        app.users("ann", "ben");

        List<Api.Response> answers = allAtOnce(IntStream.range(0, 10).<Callable<Api.Response>>mapToObj(i -> () ->
                app.client().post("/v1/conversations", Map.of("type", "direct",
                        "members", i % 2 == 0 ? List.of("ann", "ben") : List.of("ben", "ann")))).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers.stream().map(answer -> answer.json().get("id").asString()).distinct()).hasSize(1);
    }
}
