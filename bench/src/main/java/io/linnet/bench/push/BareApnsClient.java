package io.linnet.bench.push;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling: a bare Pushy client sending the pipeline's notifications straight to the same mock, with the same
 * connection count and in-flight bound as the server's APNs sender, and nothing else (no database, no outbox, no
 * recording).
 */
final class BareApnsClient {

    private BareApnsClient() {
    }

    /** Sends one notification to each token and answers how long it took until the last was answered. */
    @SuppressWarnings("deprecation")
    static Duration send(ApnsMock mock, List<String> tokens, int maxInFlight) throws Exception {
        EventLoopGroup eventLoop = new NioEventLoopGroup(2);
        var signing = SelfSignedCertificate.p256();
        ApnsClient client = new ApnsClientBuilder()
                .setApnsServer("localhost", mock.port())
                .setTrustedServerCertificateChain(mock.certificate())
                .setSigningKey(ApnsSigningKey.loadFromInputStream(new java.io.ByteArrayInputStream(
                        SelfSignedCertificate.p8(signing.getPrivate()).getBytes()), "TEAMID1234", "KEYID12345"))
                .setEventLoopGroup(eventLoop)
                .setConcurrentConnections(1)
                .build();
        try {
            // one send to open the connection, as the pipeline's sender has it open by the time it is measured
            client.sendNotification(notification(tokens.getFirst())).get(10, TimeUnit.SECONDS);
            Semaphore inFlight = new Semaphore(maxInFlight);
            AtomicLong failures = new AtomicLong();
            long started = System.nanoTime();
            for (String token : tokens) {
                inFlight.acquire();
                client.sendNotification(notification(token)).whenComplete((response, error) -> {
                    if (error != null || !response.isAccepted()) {
                        failures.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(maxInFlight);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " bare sends failed");
            }
            return took;
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
            eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** What the pipeline sends for the benchmark's push: an alert with a title and a body, a day to live. */
    private static SimpleApnsPushNotification notification(String token) {
        return new SimpleApnsPushNotification(token, "io.linnet.bench",
                "{\"aps\":{\"alert\":{\"title\":\"Benchmark\",\"body\":\"Hello from the push benchmark\"}}}",
                Instant.now().plus(Duration.ofDays(1)));
    }
}
