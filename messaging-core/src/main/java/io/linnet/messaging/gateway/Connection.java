package io.linnet.messaging.gateway;

import io.linnet.messaging.user.UserPrincipal;
import io.linnet.tenancy.LogContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * One client's WebSocket. Its frames are handled one at a time, in the order they arrived, on
 * virtual threads (never on Netty's I/O threads, because handling a frame may wait for the
 * database); a client that sends faster than that stops being read until its backlog shrinks.
 * A token given in the URL is checked in that same line, ahead of any frame, so a connection
 * authenticates exactly once. What goes out is bounded: when more than the configured bytes are
 * waiting to be written, the client is too slow and is disconnected rather than left to grow the
 * server's memory.
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** Unhandled frames past which the socket stops being read, and the level at which reading resumes. */
    static final int PAUSE_READING_AT = 32;
    static final int RESUME_READING_AT = 8;
    /** How long a closing connection has to take its close frame before the socket is closed anyway. */
    static final long CLOSE_GRACE_SECONDS = 2;
    /** After reading resumes, how long the paused time stays credited to the client's allowances. */
    static final long PAUSE_CREDIT_NANOS = 2_000_000_000L;

    /** What handles a connection's work, one item at a time. */
    interface Handler {
        /** The token the client put in the URL: the connection's first item. */
        void authenticate(Connection connection, String token);

        /** A text frame. */
        void handle(Connection connection, String frame);
    }

    private final String id;
    private final Channel channel;
    private final Executor executor;
    private final Handler handler;
    private final Admissions.Ticket admission;
    private final LongSupplier nanoClock;
    private final Queue<Inbound> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unhandled = new AtomicInteger();
    private final AtomicBoolean handling = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicReference<UserPrincipal> user = new AtomicReference<>();
    /** Whether {@code UserConnected} was announced for it: 0 not yet, 1 announced, 2 gone (announce nothing more). */
    private final AtomicInteger announced = new AtomicInteger();
    private volatile long pausedAt;

    // touched only by the frame-handling thread (items are handled one at a time)
    private final Allowance sends;
    private final Allowance budget;
    private long handlingArrivedAt;
    private LogContext logged;
    private int refusedInARow;
    private int overLimitInARow;

    Connection(String id, Channel channel, Executor executor, Handler handler, Admissions.Ticket admission,
               int sendsPerSecond, int frameBudget) {
        this(id, channel, executor, handler, admission, sendsPerSecond, frameBudget, System::nanoTime);
    }

    /** With the clock that stamps frames' arrival ({@link System#nanoTime()} but in tests). */
    Connection(String id, Channel channel, Executor executor, Handler handler, Admissions.Ticket admission,
               int sendsPerSecond, int frameBudget, LongSupplier nanoClock) {
        this.id = id;
        this.nanoClock = nanoClock;
        this.channel = channel;
        this.executor = executor;
        this.handler = handler;
        this.admission = admission;
        long now = nanoClock.getAsLong();
        this.sends = new Allowance(sendsPerSecond, sendsPerSecond * 2.0, now);
        this.budget = new Allowance(frameBudget, frameBudget * 2.0, now);
    }

    String id() {
        return id;
    }

    /** The authenticated user; null until a token was accepted. */
    UserPrincipal user() {
        return user.get();
    }

    /**
     * Lets the connection in as {@code principal}; false if it is somebody already (a connection is
     * one user for its whole life).
     */
    boolean authenticated(UserPrincipal principal) {
        if (!user.compareAndSet(null, principal)) {
            return false;
        }
        admission.authenticated();
        if (logged != null) {
            // what the rest of this item logs names the app too
            logged.and(principal.app());
        }
        return true;
    }

    /** True once, when the connection is in and still open: the one time to announce that it connected. */
    boolean announceConnected() {
        return announced.compareAndSet(0, 1);
    }

    /** True once, when a connection that was announced as connected has gone: the one time to announce that. */
    boolean announceDisconnected() {
        return announced.getAndSet(2) == 1;
    }

    /**
     * What every line logged while one of this connection's items is handled says: the connection,
     * and once authenticated its tenant and app (never the user's id, which may be an e-mail address).
     * Handling threads serve many connections, so it is set around each item and put back after it.
     */
    private LogContext logContext() {
        LogContext context = LogContext.ofConnection(id);
        UserPrincipal principal = user.get();
        return principal == null ? context : context.and(principal.app());
    }

    /** Closes the connection (4001) when the token it authenticated with expires. */
    void expiresAt(Instant expiry) {
        long delay = Math.max(0, Duration.between(Instant.now(), expiry).toMillis());
        var closing = channel.eventLoop().schedule(() -> close(CloseCodes.UNAUTHENTICATED, "User token expired: reconnect with a new one"),
                delay, TimeUnit.MILLISECONDS);
        // an idle connection must not be held in memory by its timer until the token expires
        channel.closeFuture().addListener(closed -> closing.cancel(false));
    }

    boolean isOpen() {
        return channel.isActive() && !closing.get();
    }

    /** Whether the server holds frames of this client it has not handled yet (then silence is not the client's). */
    boolean hasBacklog() {
        return unhandled.get() > 0 || !channel.config().isAutoRead();
    }

    /** Something to handle, and when it arrived: the client's rates are counted at arrival, however long handling takes. */
    private sealed interface Inbound {
        long arrivedAt();
    }

    private record Frame(String text, long arrivedAt) implements Inbound {
    }

    private record QueryToken(String token, long arrivedAt) implements Inbound {
    }

    /** The client put a token in the URL: check it before any frame. */
    void authenticateWith(String token) {
        queue(new QueryToken(token, nanoClock.getAsLong()));
    }

    /** A text frame arrived: queue it for handling in order. */
    void received(String frame) {
        queue(new Frame(frame, nanoClock.getAsLong()));
    }

    private void queue(Inbound item) {
        inbound.add(item);
        if (unhandled.incrementAndGet() == PAUSE_READING_AT) {
            pausedAt = nanoClock.getAsLong();
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
            Inbound item;
            while ((item = inbound.poll()) != null) {
                if (isOpen()) {
                    handlingArrivedAt = item.arrivedAt();
                    logged = logContext();
                    try {
                        switch (item) {
                            case QueryToken token -> handler.authenticate(this, token.token());
                            case Frame frame -> handler.handle(this, frame.text());
                        }
                    } catch (Throwable escaped) {
                        // the handler answers its own failures; this is the last line, so one frame never stops the rest
                        log.warn("Connection {} could not handle a frame: {}", id, Failures.summary(escaped));
                    } finally {
                        logged.close();
                        logged = null;
                    }
                }
                if (unhandled.decrementAndGet() == RESUME_READING_AT && !channel.config().isAutoRead()) {
                    long now = nanoClock.getAsLong();
                    sends.creditPause(now - pausedAt, now + PAUSE_CREDIT_NANOS);
                    budget.creditPause(now - pausedAt, now + PAUSE_CREDIT_NANOS);
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

    /** Takes one send from this connection's sends per second (a burst of twice that); false when it is used up. */
    boolean takeSendToken() {
        return sends.take(1, handlingArrivedAt);
    }

    /** Takes {@code cost} from this connection's frame budget; false when there is not enough left. */
    boolean takeFromBudget(double cost) {
        return budget.take(cost, handlingArrivedAt);
    }

    /** Charges what a frame turned out to cost beyond what it paid up front; the budget may go below zero. */
    void chargeBudget(double cost) {
        budget.charge(cost);
    }

    /** How long until the budget holds {@code cost} again (for the {@code retryAfterMs} of a refusal). */
    long budgetRetryAfterMillis(double cost) {
        return budget.millisUntil(cost);
    }

    long sendRetryAfterMillis() {
        return sends.millisUntil(1);
    }

    /** Counts a refused frame; true when there were so many in a row that the client is abusive. */
    boolean refused(int limit) {
        return ++refusedInARow >= limit;
    }

    /** Counts a frame refused for a rate or budget; true when so many came in a row that the client ignores the limits. */
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
        static final int TRY_AGAIN_LATER = 1013;
        static final int UNAUTHENTICATED = 4001;
        static final int IDLE = 4002;
        static final int SIGNED_OUT = 4003;
        static final int TOO_SLOW = 4008;
        static final int TOO_MANY_CONNECTIONS = 4029;
        /** The app has as many connections open as its plan allows; the newest is closed. */
        static final int APP_CONNECTIONS_FULL = 4030;
        /** A hard quota of the tenant's plan is used up for this period (monthly active users). */
        static final int QUOTA_EXCEEDED = 4031;

        private CloseCodes() {
        }
    }
}
