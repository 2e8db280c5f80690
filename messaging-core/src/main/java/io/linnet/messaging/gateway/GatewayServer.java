package io.linnet.messaging.gateway;

import io.linnet.messaging.GatewayAddress;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket server: Netty on its own port (an idle connection costs a few kilobytes here,
 * against tens in the servlet container), path {@code /v1/ws}. It accepts sockets, enforces the
 * frame size and the idle timeout, and hands each connection's frames to {@link Gateway}. It
 * starts after the rest of the application and stops first, closing every connection with 1001
 * so clients reconnect elsewhere.
 */
@Component
class GatewayServer implements SmartLifecycle, GatewayAddress {

    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
    static final String PATH = "/v1/ws";

    private final GatewaySettings settings;
    private final Admissions admissions;
    private final Gateway gateway;
    private final LocalConnections local;
    private final Presence presence;
    private final ClusterRelay relay;
    private final Fanout fanout;
    private final ExecutorService frameWork;
    private final ScheduledExecutorService timers;
    private final String publicHost;
    private EventLoopGroup bosses;
    private EventLoopGroup workers;
    private Channel listener;
    private ScheduledFuture<?> renewals;
    private volatile int port;

    GatewayServer(GatewaySettings settings, Admissions admissions, Gateway gateway, LocalConnections local, Presence presence,
                  ClusterRelay relay, Fanout fanout, GatewayConfiguration.FrameWork frameWork, ScheduledExecutorService gatewayTimers,
                  GatewayConfiguration.PublicHost publicHost) {
        this.settings = settings;
        this.admissions = admissions;
        this.gateway = gateway;
        this.local = local;
        this.presence = presence;
        this.relay = relay;
        this.fanout = fanout;
        this.frameWork = frameWork.executor();
        this.timers = gatewayTimers;
        this.publicHost = publicHost.host();
    }

    @Override
    public void start() {
        relay.join(fanout::received);
        bosses = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(settings.eventLoopThreads(), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bosses, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.maxOutboundBytes() / 2, settings.maxOutboundBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new HttpServerCodec(4096, 8192, 8192),
                                new HttpObjectAggregator(8192),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath(PATH)
                                        .checkStartsWith(true)
                                        .maxFramePayloadLength(settings.maxFrameBytes())
                                        .handshakeTimeoutMillis(settings.handshakeTimeout().toMillis())
                                        .closeOnProtocolViolation(true)
                                        .dropPongFrames(true)
                                        .build()),
                                // a message may come in fragments: one frame of at most maxFrameBytes, whole
                                new WebSocketFrameAggregator(settings.maxFrameBytes()),
                                new IdleStateHandler(settings.heartbeat().toSeconds() * 2, 0, 0, TimeUnit.SECONDS),
                                new ConnectionHandler());
                    }
                });
        listener = bootstrap.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
        port = ((InetSocketAddress) listener.localAddress()).getPort();
        long every = Math.max(1000, settings.presenceTtl().toMillis() / 3);
        renewals = timers.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        log.info("Real-time gateway listening on {} (node {}, at most {} connections)", websocketUrl(), relay.nodeId(),
                admissions.maxConnections());
    }

    private void renew() {
        try {
            relay.renew();
            presence.renew(local.all());
        } catch (RuntimeException failed) {
            log.warn("Could not renew this node's presence claims: {}", failed.toString());
        }
    }

    @Override
    public void stop() {
        if (renewals != null) {
            renewals.cancel(false);
        }
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        List<Connection> connections = local.all();
        for (Connection connection : connections) {
            connection.close(Connection.CloseCodes.GOING_AWAY, "Server shutting down");
        }
        // give up the claims at once rather than let them lapse, but never hold up the shutdown for it
        Thread cleanup = Thread.ofVirtual().start(() -> {
            try {
                for (Connection connection : connections) {
                    presence.unregister(connection.user(), connection.id());
                }
            } catch (RuntimeException ignored) {
                // the claims lapse by themselves
            } finally {
                relay.leave();
            }
        });
        try {
            cleanup.join(Duration.ofSeconds(2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            bosses.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** After the web server (so the rest is ready when clients arrive) and stopped before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 512;
    }

    /** The port actually listened on (the configured one, or a free one when configured as 0). */
    int port() {
        return port;
    }

    @Override
    public URI websocketUrl() {
        if (!settings.publicUrl().isBlank()) {
            return URI.create(settings.publicUrl());
        }
        return URI.create("ws://" + publicHost + ":" + port + PATH);
    }

    /**
     * One per socket: turns Netty's events into the connection's life. A socket gets a place from
     * {@link Admissions} or is dropped at once; it then has the handshake timeout to finish its
     * upgrade and the auth timeout to authenticate.
     */
    private final class ConnectionHandler extends ChannelInboundHandlerAdapter {

        private Admissions.Ticket admission;
        private ScheduledFuture<?> handshakeDeadline;
        private Connection connection;

        @Override
        public void channelActive(ChannelHandlerContext context) throws Exception {
            InetAddress address = ((InetSocketAddress) context.channel().remoteAddress()).getAddress();
            Optional<Admissions.Ticket> admitted = admissions.admit(address);
            if (admitted.isEmpty()) {
                // no answer, not even a log line: a flood of these must cost as little as possible
                context.close();
                return;
            }
            admission = admitted.get();
            handshakeDeadline = context.executor().schedule(() -> {
                if (connection == null) {
                    context.close();
                }
            }, settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            super.channelActive(context);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                handshakeDeadline.cancel(false);
                connection = new Connection(Long.toHexString(ThreadLocalRandom.current().nextLong()), context.channel(),
                        frameWork, gateway, admission, settings.sendsPerSecond(), settings.frameBudget());
                List<String> token = new QueryStringDecoder(handshake.requestUri()).parameters().get("token");
                if (token != null && !token.isEmpty()) {
                    connection.authenticateWith(token.getFirst());
                }
                Connection opened = connection;
                context.executor().schedule(() -> {
                    if (opened.user() == null) {
                        opened.close(Connection.CloseCodes.UNAUTHENTICATED, "No user token in time");
                    }
                }, settings.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } else if (event instanceof IdleStateEvent && connection != null && !connection.hasBacklog()) {
                connection.close(Connection.CloseCodes.IDLE, "Idle: no frame for " + settings.heartbeat().toSeconds() * 2 + " seconds");
            } else {
                super.userEventTriggered(context, event);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            try {
                switch (message) {
                    case TextWebSocketFrame text when connection != null -> connection.received(text.text());
                    case WebSocketFrame other when connection != null -> connection.received("(binary)");
                    case FullHttpRequest request -> notFound(context, request);
                    default -> {
                    }
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            if (handshakeDeadline != null) {
                handshakeDeadline.cancel(false);
            }
            if (admission != null) {
                admission.closed();
            }
            if (connection != null) {
                Connection closed = connection;
                frameWork.execute(() -> gateway.left(closed));
            }
            super.channelInactive(context);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            log.debug("Gateway connection failed: {}", cause.getClass().getName());
            if (cause instanceof TooLongFrameException && connection != null) {
                connection.close(Connection.CloseCodes.TOO_BIG, "A frame may have at most " + settings.maxFrameBytes() + " bytes");
            } else if (!(cause instanceof CorruptedWebSocketFrameException)) {
                // a protocol violation (say, one frame over the size limit) closes itself once its close frame is out
                context.close();
            }
        }

        private void notFound(ChannelHandlerContext context, FullHttpRequest request) {
            byte[] body = ("Linnet's real-time gateway: open a WebSocket to " + PATH + "\n").getBytes(StandardCharsets.UTF_8);
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
