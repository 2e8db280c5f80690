package io.linnet.push.apns;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.ParsingMockApnsServerListenerAdapter;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http2.Http2Headers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * APNs for the tests: Pushy's validating mock server over real TLS and HTTP/2, set up for one {@link #TOPIC}. It
 * accepts token authentication signed by {@link #signingKey} and certificate authentication with
 * {@link #clientCertificate}. It knows a few device tokens from the start (live ones, an unregistered one, and some
 * it always refuses with errors the validating handler never produces by itself: 429, 500, 503), and more are
 * added while it runs: {@link #newLiveToken()} ones it validates in full, {@link #newUnregisteredToken()} ones it
 * answers 410 Unregistered, and {@link #newBulkToken()} ones it accepts without the per-notification checks, for
 * volume. A token can be scripted to be refused a few times first ({@link #refuseFirst}); requests, acceptances and
 * payloads are kept per token. Published in push-core's test jar: the server's tests point the server at one.
 */
public final class MockApns implements AutoCloseable {

    public static final String TOPIC = "io.linnet.test.app";
    public static final String KEY_ID = "KEYID12345";
    public static final String TEAM_ID = "TEAMID1234";

    public final String liveToken = randomToken();
    public final String otherLiveToken = randomToken();
    public final String unregisteredToken = randomToken();
    public final String rateLimitedToken = randomToken();
    public final String failingToken = randomToken();
    public final String unavailableToken = randomToken();

    public final TestCertificates serverCertificate = TestCertificates.localhostServer();
    public final TestCertificates clientCertificate = TestCertificates.apnsClient(TOPIC);
    public final KeyPair signingKey = TestCertificates.p256();

    /** What the server accepted for live tokens, as it parsed it (bulk tokens' notifications are only counted). */
    public final List<ApnsPushNotification> accepted = new CopyOnWriteArrayList<>();

    // the validating handler reads these at every notification, so tokens added later count
    private final Set<String> liveTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> unregistered = new ConcurrentHashMap<>();
    private final Set<String> bulkTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, RejectionReason> alwaysRefused = Map.of(
            rateLimitedToken, RejectionReason.TOO_MANY_REQUESTS,
            failingToken, RejectionReason.INTERNAL_SERVER_ERROR,
            unavailableToken, RejectionReason.SERVICE_UNAVAILABLE);
    private final Map<String, Deque<RejectionReason>> refusedFirst = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acceptedPerToken = new ConcurrentHashMap<>();
    private final Map<String, String> payloads = new ConcurrentHashMap<>();
    private final AtomicLong acceptedTotal = new AtomicLong();
    private final EventLoopGroup eventLoop;
    private final MockApnsServer server;
    private volatile Path certificateFile;
    public final int port;

    @SuppressWarnings("deprecation") // Pushy needs the NIO event loop group
    public MockApns() {
        liveTokens.addAll(List.of(liveToken, otherLiveToken, unregisteredToken));
        unregistered.put(unregisteredToken, Instant.now().minusSeconds(3600));
        try {
            ApnsVerificationKey verificationKey =
                    new ApnsVerificationKey(KEY_ID, TEAM_ID, (ECPublicKey) signingKey.getPublic());
            var validating = new ValidatingPushNotificationHandlerFactory(Map.of(TOPIC, liveTokens), unregistered,
                    Map.of(KEY_ID, verificationKey), Map.of(verificationKey, Set.of(TOPIC)));
            eventLoop = new NioEventLoopGroup(2);
            server = new MockApnsServerBuilder()
                    .setServerCredentials(new X509Certificate[]{serverCertificate.certificate()},
                            serverCertificate.privateKey(), null)
                    .setTrustedClientCertificateChain(new ByteArrayInputStream(
                            clientCertificate.certificatePem().getBytes(StandardCharsets.US_ASCII)))
                    .setEventLoopGroup(eventLoop)
                    .setHandlerFactory(session -> handler(validating.buildHandler(session)))
                    .setListener(new ParsingMockApnsServerListenerAdapter() {
                        @Override
                        public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
                            // parsing costs; bulk tokens are there for volume
                            if (!bulkTokens.contains(token(headers))) {
                                super.handlePushNotificationAccepted(headers, payload);
                            }
                        }

                        @Override
                        public void handlePushNotificationAccepted(ApnsPushNotification notification) {
                            accepted.add(notification);
                        }

                        @Override
                        public void handlePushNotificationRejected(ApnsPushNotification notification,
                                                                   RejectionReason reason, Instant expiredAt) {
                        }
                    })
                    .build();
            port = server.start(0).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The mock APNs did not start", e);
        }
    }

    private PushNotificationHandler handler(PushNotificationHandler validating) {
        return (headers, payload) -> {
            String token = token(headers);
            boolean bulk = bulkTokens.contains(token);
            if (!bulk) {
                requests.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(Instant.now());
            }
            RejectionReason always = alwaysRefused.get(token);
            if (always != null) {
                throw new RejectedNotificationException(always);
            }
            Deque<RejectionReason> script = refusedFirst.get(token);
            RejectionReason scripted = script == null ? null : script.poll();
            if (scripted != null) {
                throw new RejectedNotificationException(scripted);
            }
            if (!bulk) {
                validating.handlePushNotification(headers, payload);
                payloads.put(token, payload == null ? "" : payload.toString(StandardCharsets.UTF_8));
            }
            acceptedPerToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
            acceptedTotal.incrementAndGet();
        };
    }

    private static String token(Http2Headers headers) {
        String path = String.valueOf(headers.path());
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String randomToken() {
        byte[] token = new byte[32];
        ThreadLocalRandom.current().nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    public int port() {
        return port;
    }

    /** A token of a device that has the app installed: validated in full, then accepted. */
    public String newLiveToken() {
        String token = randomToken();
        liveTokens.add(token);
        return token;
    }

    /** A token of a device the app was removed from: answered 410 Unregistered. */
    public String newUnregisteredToken() {
        String token = randomToken();
        liveTokens.add(token);
        unregistered.put(token, Instant.now().minusSeconds(3600));
        return token;
    }

    /** A token accepted without checking the provider token or parsing the notification, for sending many quickly. */
    public String newBulkToken() {
        String token = randomToken();
        bulkTokens.add(token);
        return token;
    }

    /** The next requests for {@code token} are refused with these reasons, one each, before it is handled normally. */
    public void refuseFirst(String token, RejectionReason... reasons) {
        refusedFirst.put(token, new ArrayDeque<>(Arrays.asList(reasons)));
    }

    /** When each request for a token that is not a bulk one arrived. */
    public List<Instant> requests(String token) {
        return List.copyOf(requests.getOrDefault(token, List.of()));
    }

    /** How many notifications for {@code token} were accepted. */
    public int accepted(String token) {
        AtomicInteger count = acceptedPerToken.get(token);
        return count == null ? 0 : count.get();
    }

    public long acceptedTotal() {
        return acceptedTotal.get();
    }

    /** The payload of the last notification accepted for a token that is not a bulk one. */
    public String payload(String token) {
        return payloads.get(token);
    }

    /** The .p8 key that signs this server's provider tokens, as Apple hands it out. */
    public byte[] p8() {
        return TestCertificates.p8(signingKey.getPrivate()).getBytes(StandardCharsets.US_ASCII);
    }

    /** A PEM file with the server's certificate, for {@code linnet.push.apns-trusted-certificate}. */
    public synchronized String certificateFile() {
        if (certificateFile == null) {
            try {
                Path file = Files.createTempFile("linnet-mock-apns-", ".pem");
                Files.writeString(file, serverCertificate.certificatePem(), StandardCharsets.US_ASCII);
                file.toFile().deleteOnExit();
                certificateFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return certificateFile.toString();
    }

    ApnsSettings settings() {
        return ApnsSettings.defaults()
                .withEndpoint(new ApnsSettings.Endpoint("localhost", port), serverCertificate.certificate());
    }

    ApnsCredentials.Token tokenCredentials() {
        return new ApnsCredentials.Token(TestCertificates.p8(signingKey.getPrivate()), KEY_ID, TEAM_ID, TOPIC);
    }

    ApnsCredentials.Certificate certificateCredentials() {
        return new ApnsCredentials.Certificate(clientCertificate.p12("p12-secret"), "p12-secret", TOPIC);
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the JVM is going away
        }
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
