package io.linnet.bench.chat;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One-to-one chat: N clients in N/2 direct conversations, every client sending to its partner.
 *
 * <p>Two ways to drive it. {@link #atRate}: an open-loop schedule at a total rate, message i due
 * at {@code start + i / rate} from client {@code i mod N}; its latency counts from the due time,
 * so a server (or generator) that falls behind shows it instead of hiding it. {@link #unthrottled}:
 * every client keeps {@code window} sends in flight and sends the next as soon as one is
 * answered, held only under the server's per-connection send limit; its acks per second are the
 * most the server persists.
 *
 * <p>Latency is recorded for sends due inside the measured window only; throughput counts the
 * acks and deliveries that arrive inside it.
 */
final class DirectChat implements FrameListener, AutoCloseable {

    private volatile Tally tally = new Tally();
    private final Latency delivery = new Latency();
    private final Latency ack = new Latency();
    /** Every delivery's latency, read and reset every few seconds for the progress lines (stalls show there). */
    private final Recorder recent = new Recorder(600_000_000L, 2);
    private final List<String> conversations;
    private final ChatConnection[] connections;
    private final long[] lastSend;
    private final int textBytes;
    private final ServerProbe probe;
    private volatile long recordFrom = Long.MAX_VALUE;
    private volatile long recordUntil = Long.MAX_VALUE;
    private volatile boolean closedLoop;

    /** What one run measured. */
    record Run(String mode, Duration measured, Tally.Counts window, Latency.Summary delivery, Latency.Summary ack,
               long unanswered, long undelivered, String problems, String cpu, ServerProbe.Memory memory) {

        /** The same run under another name in the table. */
        Run named(String name) {
            return new Run(name, measured, window, delivery, ack, unanswered, undelivered, problems, cpu, memory);
        }

        double ackedPerSecond() {
            return window.acked() / (measured.toNanos() / 1e9);
        }

        String row() {
            double seconds = measured.toNanos() / 1e9;
            return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %s | %s | %s | %s | %,d | %,d | %,d |",
                    mode, window.sent() / seconds, window.acked() / seconds, window.delivered() / seconds,
                    delivery.cells(), Latency.Summary.ms(ack.p50()), Latency.Summary.ms(ack.p99()), Latency.Summary.ms(ack.max()),
                    window.errors(), unanswered, undelivered);
        }
    }

    static final String TABLE_HEADER = """
            | load | sent/s | acked (stored)/s | delivered/s | deliver p50 ms | p95 | p99 | p99.9 | max | ack p50 ms | ack p99 | ack max | errors | never answered | acked, not delivered to a connected recipient |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|""";

    private DirectChat(List<String> conversations, int clients, int textBytes, ServerProbe probe) {
        this.conversations = conversations;
        this.connections = new ChatConnection[clients];
        this.lastSend = new long[clients];
        this.textBytes = textBytes;
        this.probe = probe;
    }

    /** Creates {@code clients} users in pairs, a direct conversation per pair, and connects every client. */
    static DirectChat open(ChatSetup setup, ChatClients clients, int count, int textBytes, ServerProbe probe) throws Exception {
        if (count < 2 || count % 2 != 0) {
            throw new IllegalArgumentException("--clients must be an even number of at least 2");
        }
        Report.progress("direct: creating %,d users and %,d direct conversations", count, count / 2);
        List<ChatSetup.ChatUser> users = setup.users("d", count);
        DirectChat chat = new DirectChat(setup.directPairs(users), count, textBytes, probe);
        Report.progress("direct: connecting %,d clients", count);
        ChatClients.Opened opened = clients.openAll(users, 0, chat, 200, List.of());
        for (ChatConnection connection : opened.ready()) {
            chat.connections[connection.index()] = connection;
        }
        if (opened.ready().size() != count) {
            throw new IllegalStateException("only " + opened.ready().size() + " of " + count
                    + " clients connected; failures: " + opened.describeFailures());
        }
        return chat;
    }

    /** The server's send limit per connection, as its {@code ready} frames announced it. */
    int sendsPerSecond() {
        return connections[0].sendsPerSecond();
    }

    /**
     * Warms the server's JIT up before any measured run, closed-loop (every client one send in
     * flight), so that a cold server's slow first seconds do not leave an open-loop run a backlog
     * that its warm-up cannot work off. Nothing of it is reported.
     */
    String warmUp(Duration duration) throws Exception {
        Report.progress("direct: warming the server up for %d s (every client one send in flight)", duration.toSeconds());
        closedLoop = true;
        for (ChatConnection connection : connections) {
            connection.schedule(() -> sendNow(connection), TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(200)));
        }
        Thread.sleep(duration);
        closedLoop = false;
        drain();
        String done = String.format(Locale.ROOT, "JIT warm-up, %d s closed loop (not measured): %s, %s",
                duration.toSeconds(), tally.counts(), tally.problems());
        Report.progress("direct: %s", done);
        tally = new Tally();
        return done;
    }

    /** Sends at {@code rate} messages/s in total for {@code warmup}, then measures for {@code measure}. */
    Run atRate(int rate, Duration warmup, Duration measure) throws Exception {
        double perClient = (double) rate / connections.length;
        if (perClient > sendsPerSecond()) {
            Report.progress("direct: WARNING %.1f sends/s per client exceeds the server's limit of %d: expect rate_limited errors; use more --clients",
                    perClient, sendsPerSecond());
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        Thread sender = Thread.ofPlatform().name("direct-sender").start(() -> sendOnSchedule(rate, start, start + warmup.toNanos() + measure.toNanos()));
        return measure(String.format(Locale.ROOT, "%,d msg/s offered", rate), start, warmup, measure, sender);
    }

    /** Every client keeps {@code window} sends in flight, for {@code warmup}, then measures for {@code measure}. */
    Run unthrottled(int window, Duration warmup, Duration measure) throws Exception {
        long start = System.nanoTime();
        closedLoop = true;
        for (ChatConnection connection : connections) {
            for (int w = 0; w < window; w++) {
                connection.schedule(() -> sendNow(connection), TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(200)));
            }
        }
        Thread stopper = Thread.ofPlatform().name("direct-stopper").start(() -> {
            LockSupport.parkNanos(start + warmup.toNanos() + measure.toNanos() - System.nanoTime());
            closedLoop = false;
        });
        return measure(String.format(Locale.ROOT, "unthrottled, %d in flight per client", window), start, warmup, measure, stopper);
    }

    private Run measure(String mode, long start, Duration warmup, Duration measure, Thread load) throws Exception {
        delivery.reset();
        ack.reset();
        Tally tally = this.tally;
        recordFrom = start + warmup.toNanos();
        recordUntil = recordFrom + measure.toNanos();
        Report.progress("direct: %s, warming up %d s", mode, warmup.toSeconds());
        Thread timeline = Thread.ofPlatform().daemon().name("direct-timeline").start(() -> timeline(tally, start));
        LockSupport.parkNanos(recordFrom - System.nanoTime());
        Tally.Counts from = tally.counts();
        Map<String, Double> cpuFrom = probe.cpu();
        double[] gcFrom = probe.gcPauses();
        probe.startProfile();
        Report.progress("direct: %s, measuring %d s", mode, measure.toSeconds());
        LockSupport.parkNanos(recordUntil - System.nanoTime());
        Tally.Counts window = tally.counts().minus(from);
        String cpu = ServerProbe.cpuShare(cpuFrom, probe.cpu(), measure) + "; " + ServerProbe.gcBetween(gcFrom, probe.gcPauses());
        probe.stopProfile(mode);
        load.join();
        closedLoop = false;
        long unanswered = drain();
        timeline.interrupt();
        long undelivered = tally.acked.sum() - tally.repeatedAcks.sum() - tally.ackedToAbsent.sum() - tally.delivered.sum();
        Report.progress("direct: %s done: %s", mode, tally.counts());
        this.tally = new Tally();
        return new Run(mode, measure, window, delivery.summary(), ack.summary(), unanswered, Math.max(0, undelivered),
                tally.problems(), cpu, probe.memory(false));
    }

    /** Prints, every 5 s, what arrived in those 5 s: a stall or a growing backlog shows here, not in the run's totals. */
    private void timeline(Tally tally, long start) {
        Tally.Counts last = tally.counts();
        recent.reset();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException stop) {
                return;
            }
            Tally.Counts now = tally.counts();
            Tally.Counts step = now.minus(last);
            last = now;
            Histogram latencies = recent.getIntervalHistogram();
            Report.progress("direct:   t=%3ds acked %,6.0f/s, delivered %,6.0f/s, deliver p50 %s p99 %s max %s ms, not answered yet %,d",
                    (System.nanoTime() - start) / 1_000_000_000L, step.acked() / 5.0, step.delivered() / 5.0,
                    Latency.Summary.ms(latencies.getValueAtPercentile(50) / 1000.0),
                    Latency.Summary.ms(latencies.getValueAtPercentile(99) / 1000.0),
                    Latency.Summary.ms(latencies.getMaxValue() / 1000.0), now.sent() - now.acked() - now.errors());
        }
    }

    /**
     * Waits for every send to be answered and every acked message delivered, for as long as
     * answers keep coming (an overloaded server works off its backlog long after the load
     * stopped; the next run must not start on top of it), giving up after 10 s without progress
     * or 5 minutes in all. Answers how many sends were never answered.
     */
    private long drain() throws InterruptedException {
        long started = System.nanoTime();
        long progressAt = started;
        long reportAt = started;
        long seen = -1;
        while (true) {
            Tally.Counts now = tally.counts();
            long answered = now.acked() + now.errors();
            boolean done = answered >= now.sent()
                    && tally.delivered.sum() >= tally.acked.sum() - tally.repeatedAcks.sum() - tally.ackedToAbsent.sum();
            long at = System.nanoTime();
            if (done || at - progressAt > TimeUnit.SECONDS.toNanos(10) || at - started > TimeUnit.MINUTES.toNanos(5)) {
                break;
            }
            if (answered + now.delivered() != seen) {
                seen = answered + now.delivered();
                progressAt = at;
            }
            if (at - reportAt > TimeUnit.SECONDS.toNanos(5)) {
                reportAt = at;
                Report.progress("direct: draining, %,d sends not answered yet", now.sent() - answered);
            }
            Thread.sleep(100);
        }
        Tally.Counts now = tally.counts();
        return Math.max(0, now.sent() - now.acked() - now.errors());
    }

    private void sendOnSchedule(int rate, long start, long until) {
        double interval = 1e9 / rate;
        for (long i = 0; ; ) {
            long due = start + (long) (i * interval);
            if (due >= until) {
                return;
            }
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            ChatConnection connection = connections[(int) (i++ % connections.length)];
            if (connection.open()) {
                connection.send(Frames.send(conversationOf(connection), connection.nextClientMsgId(due), due, textBytes));
                tally.sent.increment();
            }
        }
    }

    /** Sends one message now, or as soon as the server's per-connection limit allows; on the connection's event loop. */
    private void sendNow(ChatConnection connection) {
        if (!closedLoop || !connection.open()) {
            return;
        }
        long now = System.nanoTime();
        long spacing = connection.sendsPerSecond() == Integer.MAX_VALUE ? 0 : (long) (1e9 / (connection.sendsPerSecond() * 0.9));
        long earliest = lastSend[connection.index()] + spacing;
        if (now < earliest) {
            connection.schedule(() -> sendNow(connection), earliest - now);
            return;
        }
        lastSend[connection.index()] = now;
        connection.send(Frames.send(conversationOf(connection), connection.nextClientMsgId(now), now, textBytes));
        tally.sent.increment();
    }

    private String conversationOf(ChatConnection connection) {
        return conversations.get(connection.index() / 2);
    }

    private boolean recorded(long sendNanos) {
        return sendNanos >= recordFrom && sendNanos < recordUntil;
    }

    @Override
    public void onFrame(ChatConnection connection, JsonNode frame, long receivedNanos) {
        switch (frame.path("type").asString("")) {
            case "ack" -> {
                tally.acked.increment();
                if (frame.path("repeated").asBoolean(false)) {
                    tally.repeatedAcks.increment();
                }
                ChatConnection partner = connections[connection.index() ^ 1];
                if (partner == null || !partner.open()) {
                    tally.ackedToAbsent.increment();
                }
                long sent = Frames.sendNanos(frame.path("clientMsgId").asString(""));
                if (recorded(sent)) {
                    ack.recordNanos(receivedNanos - sent);
                }
                if (closedLoop) {
                    sendNow(connection);
                }
            }
            case "message" -> {
                tally.followSeq(connection, frame.path("conversationId").asString(""), frame.path("seq").asLong(-1),
                        frame.path("messageId").asString(""));
                if (frame.path("senderId").asString("").equals(connection.userId())) {
                    tally.echoes.increment();
                    return;
                }
                tally.delivered.increment();
                long sent = Frames.sendNanos(frame.path("clientMsgId").asString(""));
                if (recorded(sent)) {
                    delivery.recordNanos(receivedNanos - sent);
                }
                recent.recordValue(Math.clamp((receivedNanos - sent) / 1000, 1, 600_000_000L));
            }
            case "error" -> {
                tally.error(frame.path("code").asString("?"));
                if (closedLoop) {
                    sendNow(connection);
                }
            }
            default -> tally.other(frame.path("type").asString("?"));
        }
    }

    @Override
    public void onClosed(ChatConnection connection, int code) {
        tally.closed(code);
    }

    @Override
    public void close() {
        for (ChatConnection connection : connections) {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
