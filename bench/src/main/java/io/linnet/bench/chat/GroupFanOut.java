package io.linnet.bench.chat;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One group with every member online; one member sends messages into it one after another, and
 * every other member's client notes when each arrives. The figure is, per message, the time from
 * the send to the last member receiving it (the slowest of the fan-out), and its percentiles over
 * the messages; each single delivery's latency is recorded as well.
 */
final class GroupFanOut implements FrameListener, AutoCloseable {

    private static final int WARMUP_MESSAGES = 20;

    private final Tally tally = new Tally();
    private final Latency perDelivery = new Latency();
    private final String conversationId;
    private final int members;
    private final int messages;
    private final long[] sentAt;
    private final AtomicIntegerArray received;
    private final AtomicLongArray lastArrival;
    private final ServerProbe probe;
    private List<ChatConnection> connections = List.of();

    private GroupFanOut(String conversationId, int members, int messages, ServerProbe probe) {
        this.conversationId = conversationId;
        this.members = members;
        this.messages = messages;
        int total = WARMUP_MESSAGES + messages;
        this.sentAt = new long[total];
        this.received = new AtomicIntegerArray(total);
        this.lastArrival = new AtomicLongArray(total);
        this.probe = probe;
    }

    static GroupFanOut open(ChatSetup setup, ChatClients clients, int members, int messages, ServerProbe probe) throws Exception {
        Report.progress("group: creating %,d users and one group of all of them", members);
        List<ChatSetup.ChatUser> users = setup.users("g", members);
        GroupFanOut group = new GroupFanOut(setup.group(users), members, messages, probe);
        Report.progress("group: connecting %,d members", members);
        ChatClients.Opened opened = clients.openAll(users, 0, group, 200, List.of());
        if (opened.ready().size() != members) {
            throw new IllegalStateException("only " + opened.ready().size() + " of " + members
                    + " members connected; failures: " + opened.describeFailures());
        }
        group.connections = opened.ready();
        return group;
    }

    /** Sends {@value #WARMUP_MESSAGES} unmeasured messages, then the measured ones, {@code interval} apart. */
    String run(Duration interval, int textBytes) throws Exception {
        ChatConnection sender = connections.stream().filter(c -> c.index() == 0).findFirst().orElseThrow();
        Report.progress("group: sending %d + %d messages to %,d members, one every %d ms",
                WARMUP_MESSAGES, messages, members, interval.toMillis());
        Map<String, Double> cpuFrom = probe.cpu();
        double[] gcFrom = probe.gcPauses();
        long started = System.nanoTime();
        long next = started;
        for (int k = 0; k < sentAt.length; k++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            if (k == WARMUP_MESSAGES) {
                perDelivery.reset();
                cpuFrom = probe.cpu();
                gcFrom = probe.gcPauses();
                started = System.nanoTime();
            }
            long now = System.nanoTime();
            sentAt[k] = now;
            sender.send(Frames.send(conversationId, sender.nextClientMsgId(now), now, textBytes));
            tally.sent.increment();
            next += interval.toNanos();
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - started);
        String cpu = ServerProbe.cpuShare(cpuFrom, probe.cpu(), sending) + "; " + ServerProbe.gcBetween(gcFrom, probe.gcPauses());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && !allArrived()) {
            Thread.sleep(100);
        }
        long[] toLast = new long[messages];
        int incomplete = 0;
        for (int k = WARMUP_MESSAGES; k < sentAt.length; k++) {
            if (received.get(k) < members - 1) {
                incomplete++;
            }
            toLast[k - WARMUP_MESSAGES] = lastArrival.get(k) - sentAt[k];
        }
        Latency.Summary last = Latency.Summary.ofNanos(Arrays.stream(toLast).filter(n -> n > 0).toArray());
        Latency.Summary each = perDelivery.summary();
        return String.format(Locale.ROOT, """
                        | measured | to the last member p50 ms | p95 | p99 | p99.9 | max | each delivery p50 ms | p99 | max | incomplete | errors |
                        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                        | %d messages to %,d members online, one every %d ms (%,.0f deliveries/s) | %s | %s | %s | %s | %,d | %,d |

                        - %s
                        - %s
                        - server memory now: %s""",
                messages, members, interval.toMillis(), each.count() / (sending.toNanos() / 1e9),
                last.cells(), Latency.Summary.ms(each.p50()), Latency.Summary.ms(each.p99()), Latency.Summary.ms(each.max()),
                incomplete, tally.errorCount(), cpu, tally.problems(), probe.memory(false).describe());
    }

    private boolean allArrived() {
        for (int k = 0; k < sentAt.length; k++) {
            if (received.get(k) < members - 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void onFrame(ChatConnection connection, JsonNode frame, long receivedNanos) {
        switch (frame.path("type").asString("")) {
            case "ack" -> tally.acked.increment();
            case "message" -> {
                tally.followSeq(connection, frame.path("conversationId").asString(""), frame.path("seq").asLong(-1),
                        frame.path("messageId").asString(""));
                if (frame.path("senderId").asString("").equals(connection.userId())) {
                    tally.echoes.increment();
                    return;
                }
                tally.delivered.increment();
                String clientMsgId = frame.path("clientMsgId").asString("");
                int k = (int) Frames.counter(clientMsgId);
                if (k < 0 || k >= sentAt.length) {
                    tally.other("message of another sender");
                    return;
                }
                received.incrementAndGet(k);
                lastArrival.accumulateAndGet(k, receivedNanos, Math::max);
                if (k >= WARMUP_MESSAGES) {
                    perDelivery.recordNanos(receivedNanos - Frames.sendNanos(clientMsgId));
                }
            }
            case "error" -> tally.error(frame.path("code").asString("?"));
            default -> tally.other(frame.path("type").asString("?"));
        }
    }

    @Override
    public void onClosed(ChatConnection connection, int code) {
        tally.closed(code);
    }

    @Override
    public void close() {
        connections.forEach(ChatConnection::close);
    }
}
