package io.linnet.messaging.gateway;

import io.linnet.messaging.user.UserPrincipal;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One client's WebSocket. Its frames are handled one at a time, in the order they arrived, on
 * virtual threads (never on Netty's I/O threads, because handling a frame may wait for the
 * database); a client that sends faster than that stops being read until its backlog shrinks.
 * What goes out is bounded: when more than the configured bytes are waiting to be written, the
 * client is too slow and is disconnected rather than left to grow the server's memory.
 */
final class Connection {

    /** Unhandled frames past which the socket stops being read, and the level at which reading resumes. */
    static final int PAUSE_READING_AT = 32;
    static final int RESUME_READING_AT = 8;
    /** How long a closing connection has to take its close frame before the socket is closed anyway. */
    static final long CLOSE_GRACE_SECONDS = 2;
    /** After reading resumes, how long the paused time stays credited to the client's send allowance. */
    static final long PAUSE_CREDIT_NANOS = 2_000_000_000L;

    private final String id;
    private final Channel channel;
    private final Executor executor;
    private final BiConsumer<Connection, String> handler;
    private final Queue<Inbound> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unhandled = new AtomicInteger();
    private final AtomicBoolean handling = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final int sendsPerSecond;
    private volatile UserPrincipal user;
    private volatile long pausedAt;
    private volatile double pauseCredit;
    private volatile long pauseCreditUntil;

    // touched only by the frame-handling thread (frames are handled one at a time)
    private double sendTokens;
    private long tokensAt;
    private long handlingArrivedAt;
    private int refusedInARow;
    private int overLimitInARow;

    Connection(String id, Channel channel, Executor executor, BiConsumer<Connection, String> handler, int sendsPerSecond) {
        this.id = id;
        this.channel = channel;
        this.executor = executor;
        this.handler = handler;
        this.sendsPerSecond = sendsPerSecond;
        this.sendTokens = sendsPerSecond * 2.0;
        this.tokensAt = System.nanoTime();
    }

    String id() {
        return id;
    }

    /** The authenticated user; null until the token was checked. */
    UserPrincipal user() {
        return user;
    }

    void authenticated(UserPrincipal principal) {
        this.user = principal;
    }

    boolean isOpen() {
        return channel.isActive() && !closing.get();
    }

    /** Whether the server holds frames of this client it has not handled yet (then silence is not the client's). */
    boolean hasBacklog() {
        return unhandled.get() > 0 || !channel.config().isAutoRead();
    }

    /** A frame as it arrived, and when: the send rate is the client's, however long handling takes. */
    private record Inbound(String text, long arrivedAt) {
    }

    /** A text frame arrived: queue it for handling in order. */
    void received(String frame) {
        inbound.add(new Inbound(frame, System.nanoTime()));
        if (unhandled.incrementAndGet() == PAUSE_READING_AT) {
            pausedAt = System.nanoTime();
            channel.config().setAutoRead(false);
        }
        handleQueued();
    }

    private void handleQueued() {
        if (handling.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Inbound frame;
            while ((frame = inbound.poll()) != null) {
                if (isOpen()) {
                    handlingArrivedAt = frame.arrivedAt();
                    handler.accept(this, frame.text());
                }
                if (unhandled.decrementAndGet() == RESUME_READING_AT && !channel.config().isAutoRead()) {
                    // what waited in the socket meanwhile now arrives in a burst: the client may have sent at
                    // its allowed rate all along, so the time reading was paused is credited to its allowance
                    long now = System.nanoTime();
                    pauseCredit = (now - pausedAt) / 1e9 * sendsPerSecond;
                    pauseCreditUntil = now + PAUSE_CREDIT_NANOS;
                    channel.config().setAutoRead(true);
                }
            }
        } finally {
            handling.set(false);
            if (!inbound.isEmpty()) {
                handleQueued();
            }
        }
    }

    /**
     * Writes a frame, unless too much is already waiting for this client: then it is closed as
     * too slow (4008). Safe from any thread; frames written by one thread arrive in that order.
     */
    void send(byte[] frame) {
        if (!isOpen()) {
            return;
        }
        if (!channel.isWritable()) {
            close(CloseCodes.TOO_SLOW, "Too slow: messages were not read in time");
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame)), channel.voidPromise());
    }

    /**
     * Starts the closing handshake with {@code code}: from now on the client's frames are ignored;
     * the socket closes when the client answers with its own close frame, or after a grace period
     * if it does not (a too-slow client never would).
     */
    void close(int code, String reason) {
        if (closing.compareAndSet(false, true) && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes one send from this connection's allowance (a token bucket refilled at the configured
     * sends per second, with a burst of twice that, counted at the frames' arrival, plus the time
     * the server paused reading); false when it is used up.
     */
    boolean takeSendToken() {
        long now = Math.max(tokensAt, handlingArrivedAt);
        sendTokens = Math.min(sendsPerSecond * 2.0, sendTokens + (now - tokensAt) / 1e9 * sendsPerSecond);
        tokensAt = now;
        if (sendTokens >= 1) {
            sendTokens -= 1;
            return true;
        }
        if (pauseCredit >= 1 && handlingArrivedAt < pauseCreditUntil) {
            pauseCredit -= 1;
            return true;
        }
        return false;
    }

    /** Counts a refused frame; true when there were so many in a row that the client is abusive. */
    boolean refused(int limit) {
        return ++refusedInARow >= limit;
    }

    /** Counts a send refused for the rate; true when so many came in a row that the client ignores the limit. */
    boolean overLimit(int limit) {
        return ++overLimitInARow >= limit;
    }

    void accepted() {
        refusedInARow = 0;
        overLimitInARow = 0;
    }

    /** The WebSocket close codes of docs/realtime.md. */
    static final class CloseCodes {
        static final int GOING_AWAY = 1001;
        static final int POLICY_VIOLATION = 1008;
        static final int TOO_BIG = 1009;
        static final int UNAUTHENTICATED = 4001;
        static final int IDLE = 4002;
        static final int SIGNED_OUT = 4003;
        static final int TOO_SLOW = 4008;
        static final int TOO_MANY_CONNECTIONS = 4029;

        private CloseCodes() {
        }
    }
}
