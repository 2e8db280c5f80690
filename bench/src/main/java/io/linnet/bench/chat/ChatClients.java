package io.linnet.bench.chat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Opens WebSocket client connections to the gateway, all on one small Netty event-loop group, so
 * that one load-generator process holds thousands of them (java.net.http's WebSocket costs a
 * selector manager and several objects more per connection). Each connection authenticates with
 * its user token in the query, as docs/realtime.md allows.
 */
final class ChatClients implements AutoCloseable {

    /** Largest frame a client accepts; the server's own limit is 64 KiB. */
    static final int MAX_FRAME_BYTES = 1 << 20;

    private final MultiThreadIoEventLoopGroup group;
    private final Class<? extends Channel> channelType;
    private final URI gateway;
    private final Duration handshakeTimeout;

    ChatClients(URI gateway, int ioThreads, Duration handshakeTimeout) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, io);
        this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.gateway = gateway;
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * Starts connecting one client; its {@link ChatConnection#ready()} completes with the server's
     * {@code ready} frame, or fails when the handshake or authentication fails.
     *
     * @param localAddress the loopback address to connect from (each has its own ephemeral ports), or null
     */
    ChatConnection connect(int index, String userId, String token, FrameListener listener, InetSocketAddress localAddress) {
        URI uri = URI.create(gateway + (gateway.getQuery() == null ? "?" : "&") + "token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        ChatConnection connection = new ChatConnection(index, userId, listener);
        // a gateway that accepts the socket but never says ready must not hang the benchmark
        connection.ready().orTimeout(handshakeTimeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handshakeTimeoutMillis(handshakeTimeout.toMillis())
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .build();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) handshakeTimeout.toMillis())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(
                                new HttpClientCodec(),
                                new HttpObjectAggregator(16 * 1024),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(MAX_FRAME_BYTES),
                                connection.handler());
                    }
                });
        InetSocketAddress remote = new InetSocketAddress(uri.getHost(), uri.getPort());
        (localAddress == null ? bootstrap.connect(remote) : bootstrap.connect(remote, localAddress))
                .addListener(done -> {
                    if (!done.isSuccess()) {
                        connection.failed(done.cause());
                    }
                });
        return connection;
    }

    /** Connections that were asked for and those that became ready, with why the others did not. */
    record Opened(List<ChatConnection> ready, Map<String, Integer> failures) {

        String describeFailures() {
            return failures.isEmpty() ? "none" : failures.toString();
        }
    }

    /**
     * Connects one client per user, at most {@code concurrency} handshakes at a time, and waits
     * until each is ready or has failed.
     *
     * @param localAddresses loopback addresses to spread the connections over (one after the other), or empty
     */
    Opened openAll(List<ChatSetup.ChatUser> users, int firstIndex, FrameListener listener, int concurrency,
                   List<InetSocketAddress> localAddresses) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<ChatConnection> connections = new ArrayList<>(users.size());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            permits.acquire();
            InetSocketAddress local = localAddresses.isEmpty() ? null : localAddresses.get(i % localAddresses.size());
            ChatConnection connection = connect(firstIndex + i, users.get(i).userId(), users.get(i).token(), listener, local);
            connection.ready().whenComplete((ready, failure) -> {
                permits.release();
                if (failure != null) {
                    String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
                    failures.merge(reason.length() > 120 ? reason.substring(0, 120) : reason, 1, Integer::sum);
                }
            });
            connections.add(connection);
        }
        permits.acquire(concurrency);
        permits.release(concurrency);
        return new Opened(connections.stream().filter(ChatConnection::open).toList(), new TreeMap<>(failures));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
