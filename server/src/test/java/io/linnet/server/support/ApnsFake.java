package io.linnet.server.support;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.linnet.push.apns.TestCertificates;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

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
 * APNs for the server's tests: Pushy's validating mock server over real TLS and HTTP/2, checking token
 * authentication against one signing key for {@link #TOPIC}. Device tokens are added while it runs:
 * {@link #liveToken()} ones it validates in full, {@link #unregisteredToken()} ones it answers 410 Unregistered,
 * and {@link #bulkToken()} ones it accepts without the per-notification JWT check, for volume. A token can be
 * scripted to be refused a few times first (429, 500, 503), and every request and acceptance is counted per token.
 */
public final class ApnsFake implements AutoCloseable {

    public static final String TOPIC = "io.linnet.test.push";
    public static final String KEY_ID = "KEYID12345";
    public static final String TEAM_ID = "TEAMID1234";

    private final KeyPair signingKey = TestCertificates.p256();
    private final TestCertificates serverCertificate = TestCertificates.localhostServer();
    private final Path certificateFile;
    private final Set<String> liveTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> unregistered = new ConcurrentHashMap<>();
    private final Set<String> bulkTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<RejectionReason>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> payloads = new ConcurrentHashMap<>();
    private final AtomicLong acceptedTotal = new AtomicLong();
    private final EventLoopGroup eventLoop;
    private final MockApnsServer server;
    private final int port;

    @SuppressWarnings("deprecation") // Pushy needs the NIO event loop group
    public ApnsFake() {
        try {
            certificateFile = Files.createTempFile("linnet-apns-fake-", ".pem");
            Files.writeString(certificateFile, serverCertificate.certificatePem(), StandardCharsets.US_ASCII);
            certificateFile.toFile().deleteOnExit();
            ApnsVerificationKey verificationKey = new ApnsVerificationKey(KEY_ID, TEAM_ID, (ECPublicKey) signingKey.getPublic());
            // the factory reads these maps at every notification, so tokens added later count
            var validating = new ValidatingPushNotificationHandlerFactory(Map.of(TOPIC, liveTokens), unregistered,
                    Map.of(KEY_ID, verificationKey), Map.of(verificationKey, Set.of(TOPIC)));
            eventLoop = new NioEventLoopGroup(2);
            server = new MockApnsServerBuilder()
                    .setServerCredentials(new X509Certificate[]{serverCertificate.certificate()},
                            serverCertificate.privateKey(), null)
                    .setEventLoopGroup(eventLoop)
                    .setHandlerFactory(session -> handler(validating.buildHandler(session)))
                    .build();
            port = server.start(0).get(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The APNs fake did not start", e);
        }
    }

    private PushNotificationHandler handler(PushNotificationHandler validating) {
        return (headers, payload) -> {
            String path = String.valueOf(headers.path());
            String token = path.substring(path.lastIndexOf('/') + 1);
            boolean bulk = bulkTokens.contains(token);
            if (!bulk) {
                requests.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(Instant.now());
            }
            Deque<RejectionReason> script = scripts.get(token);
            RejectionReason scripted = script == null ? null : script.poll();
            if (scripted != null) {
                throw new RejectedNotificationException(scripted);
            }
            if (!bulk) {
                validating.handlePushNotification(headers, payload);
                payloads.put(token, payload == null ? "" : payload.toString(StandardCharsets.UTF_8));
            }
            accepted.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
            acceptedTotal.incrementAndGet();
        };
    }

    public int port() {
        return port;
    }

    /** The PEM file with the server's certificate, for {@code linnet.push.apns-trusted-certificate}. */
    public String certificateFile() {
        return certificateFile.toString();
    }

    /** The .p8 key that signs this server's provider tokens, as Apple hands it out. */
    public byte[] p8() {
        return TestCertificates.p8(signingKey.getPrivate()).getBytes(StandardCharsets.US_ASCII);
    }

    /** A token of a device that has the app installed: validated in full, then accepted. */
    public String liveToken() {
        String token = randomToken();
        liveTokens.add(token);
        return token;
    }

    /** A token of a device the app was removed from: answered 410 Unregistered. */
    public String unregisteredToken() {
        String token = randomToken();
        liveTokens.add(token);
        unregistered.put(token, Instant.now().minusSeconds(3600));
        return token;
    }

    /** A token accepted without checking the provider token, for sending many notifications quickly. */
    public String bulkToken() {
        String token = randomToken();
        bulkTokens.add(token);
        return token;
    }

    /** The next requests for {@code token} are refused with these reasons, one each, before it is handled normally. */
    public void refuseFirst(String token, RejectionReason... reasons) {
        scripts.put(token, new ArrayDeque<>(Arrays.asList(reasons)));
    }

    /** When each request for a live or unregistered token arrived. */
    public List<Instant> requests(String token) {
        return List.copyOf(requests.getOrDefault(token, List.of()));
    }

    /** How many notifications for {@code token} were accepted. */
    public int accepted(String token) {
        AtomicInteger count = accepted.get(token);
        return count == null ? 0 : count.get();
    }

    public long acceptedTotal() {
        return acceptedTotal.get();
    }

    /** The payload of the last notification accepted for a live token. */
    public String payload(String token) {
        return payloads.get(token);
    }

    private static String randomToken() {
        byte[] token = new byte[32];
        ThreadLocalRandom.current().nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the JVM is going away
        }
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
