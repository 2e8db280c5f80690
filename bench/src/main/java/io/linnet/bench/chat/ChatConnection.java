package io.linnet.bench.chat;

import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's WebSocket to the gateway, as a real app would hold it: it waits for {@code ready},
 * pings every {@code heartbeatSeconds}, and hands every other frame to its {@link FrameListener}
 * on the connection's event-loop thread. State that only that thread touches (the last seq seen
 * per conversation, the next clientMsgId) lives here unsynchronised.
 */
final class ChatConnection {

    private final int index;
    private final String userId;
    private final FrameListener listener;
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private volatile Channel channel;
    private ScheduledFuture<?> heartbeat;
    private volatile int closeCode;
    private volatile boolean closing;
    private final AtomicLong sent = new AtomicLong();
    private int sendsPerSecond = Integer.MAX_VALUE;

    ChatConnection(int index, String userId, FrameListener listener) {
        this.index = index;
        this.userId = userId;
        this.listener = listener;
    }

    int index() {
        return index;
    }

    String userId() {
        return userId;
    }

    /** Completes with the server's {@code ready} frame; fails if the socket closes or breaks first. */
    CompletableFuture<JsonNode> ready() {
        return ready;
    }

    boolean open() {
        Channel current = channel;
        return current != null && current.isActive() && ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** The close code the server sent, 0 while none. */
    int closeCode() {
        return closeCode;
    }

    /** The server's per-connection send limit, from {@code ready}. */
    int sendsPerSecond() {
        return sendsPerSecond;
    }

    /** A clientMsgId unique for this user: connection index, a counter, and the send's nanoTime. */
    String nextClientMsgId(long sendNanos) {
        return index + "." + sent.getAndIncrement() + "." + sendNanos;
    }

    /** Sends one text frame; safe from any thread. */
    void send(String json) {
        Channel current = channel;
        if (current != null && current.isActive()) {
            current.writeAndFlush(new TextWebSocketFrame(json), current.voidPromise());
        }
    }

    /** Runs {@code task} on this connection's event loop after {@code delayNanos}. */
    void schedule(Runnable task, long delayNanos) {
        Channel current = channel;
        if (current != null) {
            current.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Checks that {@code seq} follows the last one this connection saw in the conversation; to be
     * called on the event loop. Answers 0 when it does, the size of the gap when seqs were skipped,
     * and a negative number for a repeat or a step back.
     */
    long followSeq(String conversationId, long seq) {
        Long last = lastSeq.put(conversationId, seq);
        long expected = last == null ? 1 : last + 1;
        return seq - expected;
    }

    /** Says goodbye with 1000 and closes the socket. */
    void close() {
        closing = true;
        Channel current = channel;
        if (current != null && current.isActive()) {
            current.writeAndFlush(new CloseWebSocketFrame(1000, "bench done")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void failed(Throwable cause) {
        ready.completeExceptionally(cause);
    }

    SimpleChannelInboundHandler<WebSocketFrame> handler() {
        return new Handler();
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void channelActive(ChannelHandlerContext context) throws Exception {
            channel = context.channel();
            super.channelActive(context);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ready.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(context, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
            long receivedNanos = System.nanoTime();
            if (frame instanceof CloseWebSocketFrame close) {
                closeCode = close.statusCode();
                ready.completeExceptionally(new IllegalStateException("closed by the server: " + close.statusCode() + " " + close.reasonText()));
                context.close();
                return;
            }
            if (!(frame instanceof TextWebSocketFrame)) {
                return;
            }
            JsonNode json;
            try {
                json = Frames.JSON.readTree(new ByteBufInputStream(frame.content()));
            } catch (RuntimeException notJson) {
                listener.onFrame(ChatConnection.this, Frames.unreadable(frame.content()), receivedNanos);
                return;
            }
            String type = json.path("type").asString("");
            if (type.equals("ready") && !ready.isDone()) {
                sendsPerSecond = json.path("limits").path("sendsPerSecond").asInt(Integer.MAX_VALUE);
                long period = TimeUnit.SECONDS.toMillis(json.path("heartbeatSeconds").asInt(30));
                heartbeat = context.channel().eventLoop().scheduleAtFixedRate(() -> send(Frames.PING),
                        ThreadLocalRandom.current().nextLong(period), period, TimeUnit.MILLISECONDS);
                ready.complete(json);
            } else if (!type.equals("pong")) {
                listener.onFrame(ChatConnection.this, json, receivedNanos);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            ready.completeExceptionally(new IllegalStateException("connection closed before ready"));
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            if (!closing) {
                listener.onClosed(ChatConnection.this, closeCode);
            }
            super.channelInactive(context);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            ready.completeExceptionally(cause);
            context.close();
        }
    }
}
