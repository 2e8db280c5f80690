package io.linnet.bench.push;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Google's token endpoint and the FCM v1 API on one local port, accepting everything: any JWT-bearer grant gets an
 * access token, any message a name. It counts the messages and when the last one came. The server's tests check
 * the OAuth exchange and the message format against a strict fake; this one only has to be cheap, so it is a
 * small Netty server (HTTP/1.1 with keep-alive, as the JDK's client speaks to a plain-http endpoint).
 */
final class FcmFake implements AutoCloseable {

    static final String PROJECT_ID = "linnet-push-bench";

    private final EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final KeyPair accountKey;
    private final AtomicLong messages = new AtomicLong();
    private volatile long lastMessageNanos;

    FcmFake() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        accountKey = generator.generateKeyPair();
        channel = new ServerBootstrap()
                .group(eventLoop)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel socket) {
                        socket.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
                                        answer(context, request);
                                    }
                                });
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    private void answer(ChannelHandlerContext context, FullHttpRequest request) {
        String body;
        if (request.uri().startsWith("/token")) {
            body = "{\"access_token\":\"bench-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}";
        } else {
            long id = messages.incrementAndGet();
            lastMessageNanos = System.nanoTime();
            body = "{\"name\":\"projects/" + PROJECT_ID + "/messages/" + id + "\"}";
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
        context.writeAndFlush(response);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
    }

    /** A service account whose token endpoint is this fake. */
    String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(accountKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return """
                {"type":"service_account","project_id":"%s","private_key_id":"0123456789abcdef","private_key":"%s",
                 "client_email":"push@%s.iam.gserviceaccount.com","client_id":"100000000000000000001",
                 "token_uri":"%s/token"}""".formatted(PROJECT_ID, pem.replace("\n", "\\n"), PROJECT_ID, baseUrl());
    }

    long messages() {
        return messages.get();
    }

    long lastMessageNanos() {
        return lastMessageNanos;
    }

    @Override
    public void close() throws Exception {
        channel.close().sync();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
}
