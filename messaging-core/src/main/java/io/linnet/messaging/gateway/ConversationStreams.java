package io.linnet.messaging.gateway;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps each conversation's live messages in seq order on this node. Seqs commit in order (the
 * conversation's row lock), but the threads that deliver them after their commits, and the Redis
 * channels of different nodes, can overtake each other: a message that arrives ahead of its
 * predecessor waits here, and if the predecessor has not come within the reorder window it is
 * read from the database (it is committed, since a later seq is). A message already delivered
 * (say, read from the database and then arriving late) is dropped, so nothing is doubled. A
 * conversation's state is forgotten after ten idle minutes; when it comes back, messages older
 * than a few seconds count as delivered.
 */
final class ConversationStreams {

    private static final Logger log = LoggerFactory.getLogger(ConversationStreams.class);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    /** A message ready to go out: to which of this node's users, as which frame. */
    record Delivery(long seq, List<UserId> users, byte[] frame) {
    }

    /** What this node does with a message's turn: write it to its users' local connections. */
    interface Deliverer {
        void deliver(AppRef app, Delivery delivery);

        /** Reads the messages after {@code afterSeq} and before {@code beforeSeq} from the database, for this node's members. */
        List<Delivery> missing(AppRef app, ConversationId conversation, long afterSeq, long beforeSeq);

        /** The highest seq before {@code seq} of a message old enough that no send of it can still be in flight (0 if none). */
        long settledBefore(AppRef app, ConversationId conversation, long seq);
    }

    private record Key(AppRef app, ConversationId conversation) {
    }

    private final class Stream {
        final Key key;
        long floor = -1;
        long last = -1;
        long touched = System.nanoTime();
        final TreeMap<Long, Delivery> waiting = new TreeMap<>();
        ScheduledFuture<?> gapTimer;

        Stream(Key key) {
            this.key = key;
        }
    }

    private final Map<Key, Stream> streams = new ConcurrentHashMap<>();
    private final Deliverer deliverer;
    private final ScheduledExecutorService timers;
    private final Executor work;
    private final Duration window;

    ConversationStreams(Deliverer deliverer, ScheduledExecutorService timers, Executor work, Duration window) {
        this.deliverer = deliverer;
        this.timers = timers;
        this.work = work;
        this.window = window;
        timers.scheduleWithFixedDelay(this::forgetIdle, 1, 1, TimeUnit.MINUTES);
    }

    void accept(AppRef app, ConversationId conversation, Delivery delivery) {
        Key key = new Key(app, conversation);
        Stream stream = streams.computeIfAbsent(key, Stream::new);
        synchronized (stream) {
            stream.touched = System.nanoTime();
            long seq = delivery.seq();
            if (stream.last < 0) {
                // the first message this node sees of the conversation: what came before it and is
                // settled (older than any send still in flight) counts as delivered; anything newer
                // may still be on its way, and this one waits for it like any other
                stream.last = seq == 1 ? 0 : deliverer.settledBefore(app, conversation, seq);
                stream.floor = stream.last + 1;
            }
            if (seq < stream.floor) {
                // older than anything this node has seen: it lost a race with the first; late beats never
                deliverer.deliver(app, delivery);
            } else if (seq <= stream.last || stream.waiting.containsKey(seq)) {
                log.debug("Dropped seq {} of {}: delivered already", seq, conversation);
            } else if (seq == stream.last + 1) {
                stream.last = seq;
                deliverer.deliver(app, delivery);
                releaseInOrder(stream);
            } else {
                stream.waiting.put(seq, delivery);
                if (stream.gapTimer == null) {
                    stream.gapTimer = timers.schedule(() -> work.execute(() -> fillGap(stream)),
                            window.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void releaseInOrder(Stream stream) {
        while (!stream.waiting.isEmpty() && stream.waiting.firstKey() == stream.last + 1) {
            Delivery next = stream.waiting.pollFirstEntry().getValue();
            stream.last = next.seq();
            deliverer.deliver(stream.key.app(), next);
        }
        if (stream.waiting.isEmpty() && stream.gapTimer != null) {
            stream.gapTimer.cancel(false);
            stream.gapTimer = null;
        }
    }

    /** The window passed and a gap remains: read the missing messages and deliver everything waiting, in order. */
    private void fillGap(Stream stream) {
        long after;
        long before;
        synchronized (stream) {
            stream.gapTimer = null;
            if (stream.waiting.isEmpty()) {
                return;
            }
            after = stream.last;
            before = stream.waiting.firstKey();
        }
        List<Delivery> missing;
        try {
            missing = deliverer.missing(stream.key.app(), stream.key.conversation(), after, before);
        } catch (RuntimeException failed) {
            log.warn("Could not read seqs {} to {} of {}: {}", after + 1, before - 1, stream.key.conversation(), Failures.summary(failed));
            missing = List.of();
        }
        synchronized (stream) {
            for (Delivery delivery : missing) {
                if (delivery.seq() == stream.last + 1) {
                    stream.last = delivery.seq();
                    deliverer.deliver(stream.key.app(), delivery);
                }
            }
            if (!stream.waiting.isEmpty() && stream.waiting.firstKey() > stream.last + 1) {
                // not in the database either (cannot happen while seqs commit in order): skip ahead
                stream.last = stream.waiting.firstKey() - 1;
            }
            releaseInOrder(stream);
        }
    }

    private void forgetIdle() {
        long cutoff = System.nanoTime() - FORGET_AFTER.toNanos();
        streams.values().removeIf(stream -> {
            synchronized (stream) {
                return stream.touched < cutoff && stream.waiting.isEmpty();
            }
        });
    }

    int size() {
        return streams.size();
    }
}
