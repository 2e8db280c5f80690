package io.linnet.bench.push;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushy's mock APNs server over TLS and HTTP/2, accepting every notification (no token check, no device check): the
 * cheapest APNs there can be, so that both the bare client and the pipeline are measured against the same limit.
 * It counts what it accepted and when the last one came.
 */
final class ApnsMock implements AutoCloseable {

    private final SelfSignedCertificate certificate;
    private final Path certificateFile;
    private final EventLoopGroup eventLoop;
    private final MockApnsServer server;
    private final int port;
    private final AtomicLong accepted = new AtomicLong();
    private volatile long lastAcceptedNanos;

    @SuppressWarnings("deprecation") // Pushy needs the NIO event loop group
    ApnsMock() throws Exception {
        certificate = SelfSignedCertificate.localhost();
        certificateFile = Files.createTempFile("linnet-push-bench-apns-", ".pem");
        Files.writeString(certificateFile, certificate.certificatePem(), StandardCharsets.US_ASCII);
        eventLoop = new NioEventLoopGroup(1);
        server = new MockApnsServerBuilder()
                .setServerCredentials(new X509Certificate[]{certificate.certificate()}, certificate.privateKey(), null)
                .setEventLoopGroup(eventLoop)
                .setHandlerFactory(session -> (headers, payload) -> {
                    accepted.incrementAndGet();
                    lastAcceptedNanos = System.nanoTime();
                })
                .build();
        port = server.start(0).get(10, TimeUnit.SECONDS);
    }

    int port() {
        return port;
    }

    X509Certificate certificate() {
        return certificate.certificate();
    }

    Path certificateFile() {
        return certificateFile;
    }

    long accepted() {
        return accepted.get();
    }

    long lastAcceptedNanos() {
        return lastAcceptedNanos;
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        Files.deleteIfExists(certificateFile);
    }
}
