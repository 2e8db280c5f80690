package io.linnet.messaging.gateway;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reorder window that hands a conversation's live messages to this node's connections in seq order. Time is
 * the test's: the window's timer fires when the test moves its clock, so nothing here waits or races.
 */
class ConversationStreamsTest {

    private static final Duration WINDOW = Duration.ofMillis(300);
    private static final AppRef APP = new AppRef(new TenantId(Ids.next()), new AppId(Ids.next()));
    private static final ConversationId CHAT = new ConversationId(Ids.next());
    private static final ConversationId OTHER = new ConversationId(Ids.next());

    private final ManualTimers timers = new ManualTimers();
    private final FakeDeliverer deliverer = new FakeDeliverer();
    private final ConversationStreams streams = new ConversationStreams(deliverer, timers, Runnable::run, WINDOW);

    @Test
    void a_message_that_overtakes_its_predecessor_waits_for_it_and_both_go_out_in_seq_order() {
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(3));

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L);

        streams.accept(APP, CHAT, message(2));

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 2L, 3L);
        timers.advance(WINDOW.multipliedBy(2));
        assertThat(deliverer.reads).as("the gap closed in time: nothing read").isEmpty();
        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void several_messages_out_of_order_within_the_window_go_out_in_seq_order() {
        streams.accept(APP, CHAT, message(1));
        for (long seq : new long[]{5, 3, 4, 2}) {
            streams.accept(APP, CHAT, message(seq));
        }

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(timers.scheduled).as("one timer for the gap, however many wait").isEqualTo(1);
    }

    @Test
    void a_gap_that_outlasts_the_window_is_read_from_the_database_and_the_waiting_messages_follow() {
        deliverer.stored(2, 3);
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(4));
        streams.accept(APP, CHAT, message(5));

        timers.advance(WINDOW.minusMillis(1));
        assertThat(deliverer.delivered(CHAT)).as("still within the window").containsExactly(1L);

        timers.advance(Duration.ofMillis(1));
        assertThat(deliverer.reads).containsExactly("after 1 before 4");
        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void a_message_read_from_the_database_that_arrives_late_after_all_is_not_delivered_twice() {
        deliverer.stored(2);
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(3));
        timers.advance(WINDOW);

        streams.accept(APP, CHAT, message(2));

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_gap_the_database_cannot_fill_either_is_skipped_once_the_window_has_passed() {
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(3));
        timers.advance(WINDOW);

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 3L);

        streams.accept(APP, CHAT, message(4));
        assertThat(deliverer.delivered(CHAT)).as("the stream goes on from the skipped gap").containsExactly(1L, 3L, 4L);
    }

    @Test
    void a_failed_read_of_the_gap_does_not_hold_the_conversation_back() {
        deliverer.failReads = true;
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(3));

        timers.advance(WINDOW);

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 3L);
    }

    @Test
    void duplicates_are_dropped_whether_their_first_copy_went_out_or_still_waits() {
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(3));
        streams.accept(APP, CHAT, message(3));
        streams.accept(APP, CHAT, message(2));
        streams.accept(APP, CHAT, message(2));

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void the_first_message_a_node_sees_counts_what_settled_before_it_as_delivered_and_waits_for_the_rest() {
        deliverer.settledBefore = 4;
        streams.accept(APP, CHAT, message(7));

        assertThat(deliverer.delivered(CHAT)).as("5 and 6 may still be on their way").isEmpty();

        streams.accept(APP, CHAT, message(6));
        streams.accept(APP, CHAT, message(5));
        assertThat(deliverer.delivered(CHAT)).containsExactly(5L, 6L, 7L);

        streams.accept(APP, CHAT, message(3));
        assertThat(deliverer.delivered(CHAT)).as("older than the first: late beats never").containsExactly(5L, 6L, 7L, 3L);
    }

    @Test
    void a_gap_in_one_conversation_holds_back_no_other() {
        streams.accept(APP, CHAT, message(1));
        streams.accept(APP, CHAT, message(3));
        streams.accept(APP, OTHER, message(OTHER, 1));
        streams.accept(APP, OTHER, message(OTHER, 2));

        assertThat(deliverer.delivered(CHAT)).containsExactly(1L);
        assertThat(deliverer.delivered(OTHER)).containsExactly(1L, 2L);
    }

    private static ConversationStreams.Delivery message(long seq) {
        return message(CHAT, seq);
    }

    /** A message's frame, which names its conversation and seq so that the deliverer can tell them apart. */
    private static ConversationStreams.Delivery message(ConversationId conversation, long seq) {
        return new ConversationStreams.Delivery(seq, List.of(new UserId("ann")),
                (conversation + "/" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** What this node delivered, per conversation, and a database of messages to read gaps from. */
    private static final class FakeDeliverer implements ConversationStreams.Deliverer {
        final Map<ConversationId, List<Long>> delivered = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> reads = new CopyOnWriteArrayList<>();
        final TreeMap<Long, ConversationStreams.Delivery> database = new TreeMap<>();
        long settledBefore = 0;
        boolean failReads;

        void stored(long... seqs) {
            for (long seq : seqs) {
                database.put(seq, message(seq));
            }
        }

        List<Long> delivered(ConversationId conversation) {
            return delivered.getOrDefault(conversation, List.of());
        }

        @Override
        public void deliver(AppRef app, ConversationStreams.Delivery delivery) {
            String[] frame = new String(delivery.frame(), StandardCharsets.UTF_8).split("/");
            assertThat(Long.parseLong(frame[1])).isEqualTo(delivery.seq());
            delivered.computeIfAbsent(new ConversationId(UUID.fromString(frame[0])), c -> new CopyOnWriteArrayList<>())
                    .add(delivery.seq());
        }

        @Override
        public List<ConversationStreams.Delivery> missing(AppRef app, ConversationId conversation, long afterSeq, long beforeSeq) {
            reads.add("after " + afterSeq + " before " + beforeSeq);
            if (failReads) {
                throw new IllegalStateException("the database is away");
            }
            return List.copyOf(database.subMap(afterSeq, false, beforeSeq, false).values());
        }

        @Override
        public long settledBefore(AppRef app, ConversationId conversation, long seq) {
            return settledBefore;
        }
    }

    /** A scheduler whose clock moves only when the test says so. */
    private static final class ManualTimers extends AbstractExecutorService implements ScheduledExecutorService {

        private final PriorityQueue<Task<?>> queue = new PriorityQueue<>(Comparator.comparingLong(task -> task.at));
        private long now;
        int scheduled;

        /** Moves the clock by {@code duration}, running every task that comes due, in time order. */
        void advance(Duration duration) {
            long until = now + duration.toNanos();
            while (!queue.isEmpty() && queue.peek().at <= until) {
                Task<?> task = queue.poll();
                now = task.at;
                if (!task.isCancelled()) {
                    task.run();
                    if (task.period > 0) {
                        task.at = now + task.period;
                        queue.add(task);
                    }
                }
            }
            now = until;
        }

        private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
            long at;
            final long period;

            Task(Callable<V> work, long delayNanos, long period) {
                super(work);
                this.at = now + delayNanos;
                this.period = period;
            }

            @Override
            public void run() {
                if (period > 0) {
                    runAndReset();
                } else {
                    super.run();
                }
            }

            @Override
            public long getDelay(TimeUnit unit) {
                return unit.convert(at - now, TimeUnit.NANOSECONDS);
            }

            @Override
            public int compareTo(Delayed other) {
                return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
            }
        }

        private <V> ScheduledFuture<V> add(Callable<V> work, long delay, long period, TimeUnit unit) {
            Task<V> task = new Task<>(work, unit.toNanos(delay), unit.toNanos(period));
            queue.add(task);
            return task;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled++;
            return add(() -> {
                command.run();
                return null;
            }, delay, 0, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            scheduled++;
            return add(callable, delay, 0, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return scheduleWithFixedDelay(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return add(() -> {
                command.run();
                return null;
            }, initialDelay, delay, unit);
        }

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return new ArrayList<>();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
