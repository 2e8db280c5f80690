package io.linnet.messaging.message;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.ConversationType;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TenantId TENANT = new TenantId(Ids.next());
    private static final AppId APP = new AppId(Ids.next());

    private final List<MessageSent> heard = new CopyOnWriteArrayList<>();
    private final List<MessageSent> completed = new CopyOnWriteArrayList<>();
    private final List<List<MessageSent>> completions = new CopyOnWriteArrayList<>();
    private Announcer announcer;

    @AfterEach
    void stop() {
        announcer.stop(Duration.ofSeconds(5));
    }

    private static MessageSent sent(ConversationId conversation, long seq) {
        return new MessageSent(TENANT, APP, conversation, ConversationType.DIRECT, new MessageId(Ids.next()), seq,
                UserId.of("ann"), List.of(UserId.of("ben")), List.of(UserId.of("ben")),
                JSON.readTree("{\"type\":\"text\",\"text\":\"hi\"}"), 29, Instant.now());
    }

    private Announcer announcer(Consumer<MessageSent> listeners, int workers, int capacity) {
        return new Announcer(listeners, done -> {
            completions.add(List.copyOf(done));
            completed.addAll(done);
        }, workers, capacity);
    }

    /** Waits until the announcer has finished what was queued: stopping lets the workers drain their queues first. */
    private void drain() {
        announcer.stop(Duration.ofSeconds(10));
    }

    @Test
    void a_conversations_messages_reach_the_listeners_in_order_and_are_completed_once_heard() {
        announcer = announcer(heard::add, 3, 3000);
        ConversationId a = new ConversationId(Ids.next());
        ConversationId b = new ConversationId(Ids.next());
        List<MessageSent> offered = new ArrayList<>();
        for (int seq = 1; seq <= 200; seq++) {
            offered.add(sent(a, seq));
            offered.add(sent(b, seq));
        }
        offered.forEach(sent -> assertThat(announcer.offer(sent)).isTrue());

        drain();

        assertThat(heard).containsExactlyInAnyOrderElementsOf(offered);
        for (ConversationId conversation : List.of(a, b)) {
            assertThat(heard.stream().filter(sent -> sent.conversationId().equals(conversation)).map(MessageSent::seq))
                    .as("in seq order").isSorted().hasSize(200);
        }
        assertThat(completed).containsExactlyInAnyOrderElementsOf(offered);
        assertThat(completions).allSatisfy(chunk -> assertThat(chunk).hasSizeLessThanOrEqualTo(Announcer.CHUNK));
    }

    @Test
    void an_event_a_listener_refused_is_not_completed_and_the_others_are() {
        ConversationId conversation = new ConversationId(Ids.next());
        MessageSent refused = sent(conversation, 2);
        announcer = announcer(sent -> {
            if (sent.equals(refused)) {
                throw new IllegalStateException("push is down");
            }
            heard.add(sent);
        }, 1, 100);
        List<MessageSent> offered = List.of(sent(conversation, 1), refused, sent(conversation, 3));
        offered.forEach(announcer::offer);

        drain();

        assertThat(heard).containsExactly(offered.get(0), offered.get(2));
        assertThat(completed).as("its outbox row stays, for the event to be announced again")
                .containsExactly(offered.get(0), offered.get(2));
    }

    @Test
    void a_full_queue_defers_the_event_instead_of_blocking_the_sender() throws InterruptedException {
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        announcer = announcer(sent -> {
            listening.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heard.add(sent);
        }, 1, 1);
        ConversationId conversation = new ConversationId(Ids.next());
        MessageSent first = sent(conversation, 1);
        MessageSent second = sent(conversation, 2);
        MessageSent third = sent(conversation, 3);

        assertThat(announcer.offer(first)).isTrue();
        assertThat(listening.await(10, TimeUnit.SECONDS)).as("the worker holds the first").isTrue();
        assertThat(announcer.offer(second)).as("the queue's one place").isTrue();
        assertThat(announcer.offer(third)).as("no place left: left to the outbox").isFalse();
        assertThat(announcer.deferred()).isEqualTo(1);
        release.countDown();

        drain();

        assertThat(heard).containsExactly(first, second);
        assertThat(completed).containsExactly(first, second);
    }

    @Test
    void once_stopped_nothing_more_is_taken() {
        announcer = announcer(heard::add, 1, 10);
        drain();

        assertThat(announcer.offer(sent(new ConversationId(Ids.next()), 1))).isFalse();
        assertThat(heard).isEmpty();
    }
}
