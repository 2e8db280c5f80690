package io.linnet.messaging.message;

import io.linnet.messaging.FailureKind;
import io.linnet.messaging.MessageSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs the listeners of {@link MessageSent} off the sender's thread, so that a send is acknowledged
 * without waiting for offline push or metering. A few workers, each with a bounded queue; a
 * conversation always uses the same one, so its messages are announced in seq order. Whatever every
 * listener handled is reported in batches to {@code completed} (which removes the outbox rows in one
 * statement); what a listener refused (threw), and what a full queue could not take, is left to the
 * outbox, which announces it again later: nothing is dropped, only deferred.
 */
final class Announcer {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);
    /** The most announcements whose completion is written in one statement. */
    static final int CHUNK = 256;

    private final Consumer<MessageSent> listeners;
    private final Consumer<List<MessageSent>> completed;
    private final List<BlockingQueue<MessageSent>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong deferred = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param listeners runs every listener of an event, throwing if one failed ({@code ApplicationEventPublisher::publishEvent})
     * @param completed told of the events every listener handled
     * @param capacity  the most events waiting, over all workers
     */
    Announcer(Consumer<MessageSent> listeners, Consumer<List<MessageSent>> completed, int workers, int capacity) {
        this.listeners = listeners;
        this.completed = completed;
        for (int i = 0; i < workers; i++) {
            BlockingQueue<MessageSent> queue = new LinkedBlockingQueue<>(Math.max(1, capacity / workers));
            queues.add(queue);
            this.workers.add(Thread.ofVirtual().name("message-sent-" + i).start(() -> work(queue)));
        }
    }

    /**
     * Queues {@code sent} for its listeners; false when the announcer has stopped, or when the queue is
     * full (counted): the outbox announces it again later either way.
     */
    boolean offer(MessageSent sent) {
        if (!running) {
            return false;
        }
        boolean queued = queues.get(Math.floorMod(sent.conversationId().value().hashCode(), queues.size())).offer(sent);
        if (!queued) {
            long count = deferred.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                log.warn("Listeners of MessageSent are behind; {} announcements left to the outbox so far", count);
            }
        }
        return queued;
    }

    /** Announcements a full queue could not take (each is announced again by the outbox later). */
    long deferred() {
        return deferred.get();
    }

    /** Takes nothing more, lets the workers finish what is queued for up to {@code patience}, then stops them. */
    void stop(Duration patience) {
        running = false;
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread worker : workers) {
            try {
                if (!worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    worker.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.forEach(Thread::interrupt);
                return;
            }
        }
    }

    private void work(BlockingQueue<MessageSent> queue) {
        List<MessageSent> chunk = new ArrayList<>(CHUNK);
        while (running || !queue.isEmpty()) {
            chunk.clear();
            try {
                MessageSent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                chunk.add(first);
            } catch (InterruptedException stopping) {
                return;
            }
            queue.drainTo(chunk, CHUNK - 1);
            List<MessageSent> handled = new ArrayList<>(chunk.size());
            for (MessageSent sent : chunk) {
                try {
                    listeners.accept(sent);
                    handled.add(sent);
                } catch (RuntimeException failed) {
                    log.warn("A listener of MessageSent failed for message {} of app {} ({}); it is announced again later",
                            sent.messageId(), sent.appId(), FailureKind.of(failed));
                }
            }
            if (!handled.isEmpty()) {
                try {
                    completed.accept(handled);
                } catch (RuntimeException failed) {
                    // the rows stay, and these are announced once more: at least once, not exactly once
                    log.warn("Could not record {} MessageSent announcements as done ({}); they are announced again later",
                            handled.size(), FailureKind.of(failed));
                }
            }
        }
    }
}
