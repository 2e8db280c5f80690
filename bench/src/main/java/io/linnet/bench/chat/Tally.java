package io.linnet.bench.chat;

import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the clients of one scenario sent and received, from every event-loop thread at
 * once, plus the problems a correct server never causes: lost or repeated messages, seqs that
 * skip or step back on one connection, sockets the server closed.
 */
final class Tally {

    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder repeatedAcks = new LongAdder();
    /** Acks of messages whose recipient's socket was closed by then (the server closed it): nobody is there to deliver to. */
    final LongAdder ackedToAbsent = new LongAdder();
    /** {@code message} frames that reached a member other than the sender. */
    final LongAdder delivered = new LongAdder();
    /** {@code message} frames of a client's own sends, which the protocol also sends back to it. */
    final LongAdder echoes = new LongAdder();
    final LongAdder seqSkipped = new LongAdder();
    final LongAdder seqBackwards = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> closes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> otherFrames = new ConcurrentHashMap<>();
    private final Queue<String> seqSamples = new ConcurrentLinkedQueue<>();

    /**
     * Checks a {@code message} frame's seq against the last one this connection saw in that
     * conversation, counting (and keeping the first few examples of) skips and steps back.
     */
    void followSeq(ChatConnection connection, String conversationId, long seq, String messageId) {
        long gap = connection.followSeq(conversationId, seq);
        if (gap == 0) {
            return;
        }
        if (gap > 0) {
            seqSkipped.add(gap);
        } else {
            seqBackwards.increment();
        }
        if (seqSamples.size() < 10) {
            seqSamples.add(String.format(Locale.ROOT, "%s got seq %d (expected %d) of %s, message %s",
                    connection.userId(), seq, seq - gap, conversationId, messageId));
        }
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void closed(int code) {
        closes.computeIfAbsent(Integer.toString(code), c -> new LongAdder()).increment();
    }

    void other(String type) {
        otherFrames.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long closeCount() {
        return closes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A point-in-time copy of the counters, to subtract one from another. */
    Counts counts() {
        return new Counts(sent.sum(), acked.sum(), delivered.sum(), errorCount());
    }

    record Counts(long sent, long acked, long delivered, long errors) {

        Counts minus(Counts earlier) {
            return new Counts(sent - earlier.sent, acked - earlier.acked, delivered - earlier.delivered, errors - earlier.errors);
        }
    }

    /** Errors by code, sockets closed by the server by close code, and frames of other types by type. */
    String problems() {
        return "errors " + copy(errors) + ", closed by the server " + copy(closes)
                + (ackedToAbsent.sum() == 0 ? "" : ", acked while the recipient was disconnected " + ackedToAbsent.sum()) + ", seqs skipped " + seqSkipped.sum()
                + ", seqs repeated or out of order " + seqBackwards.sum() + ", other frames " + copy(otherFrames)
                + (seqSamples.isEmpty() ? "" : "; first seq problems: " + String.join("; ", seqSamples));
    }

    private static Map<String, Long> copy(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }
}
