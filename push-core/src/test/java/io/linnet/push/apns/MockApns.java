package io.linnet.push.apns;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.ParsingMockApnsServerListenerAdapter;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.PushNotificationHandlerFactory;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Pushy's validating mock APNs server over real TLS and HTTP/2, set up for one topic: it accepts token
 * authentication signed by {@link #signingKey} and certificate authentication with {@link #clientCertificate}, knows
 * a few live device tokens and an unregistered one, and answers some tokens with scripted errors (429, 500, 503)
 * that the validating handler never produces by itself.
 */
final class MockApns implements AutoCloseable {

    static final String TOPIC = "io.linnet.test.app";
    static final String KEY_ID = "KEYID12345";
    static final String TEAM_ID = "TEAMID1234";

    final String liveToken = randomToken();
    final String otherLiveToken = randomToken();
    final String unregisteredToken = randomToken();
    final String rateLimitedToken = randomToken();
    final String failingToken = randomToken();
    final String unavailableToken = randomToken();

    final TestCertificates serverCertificate = TestCertificates.localhostServer();
    final TestCertificates clientCertificate = TestCertificates.apnsClient(TOPIC);
    final KeyPair signingKey = TestCertificates.p256();

    /** What the server accepted, as it parsed it. */
    final List<ApnsPushNotification> accepted = new CopyOnWriteArrayList<>();

    private final EventLoopGroup eventLoop;
    private final MockApnsServer server;
    final int port;

    @SuppressWarnings("deprecation")
    MockApns(boolean acceptAll) throws Exception {
        Map<String, RejectionReason> scripted = Map.of(
                rateLimitedToken, RejectionReason.TOO_MANY_REQUESTS,
                failingToken, RejectionReason.INTERNAL_SERVER_ERROR,
                unavailableToken, RejectionReason.SERVICE_UNAVAILABLE);
        ApnsVerificationKey verificationKey =
                new ApnsVerificationKey(KEY_ID, TEAM_ID, (ECPublicKey) signingKey.getPublic());
        var validating = new ValidatingPushNotificationHandlerFactory(
                Map.of(TOPIC, Set.of(liveToken, otherLiveToken, unregisteredToken)),
                Map.of(unregisteredToken, Instant.now().minusSeconds(3600)),
                Map.of(KEY_ID, verificationKey),
                Map.of(verificationKey, Set.of(TOPIC)));
        PushNotificationHandlerFactory handlers = acceptAll
                ? session -> (headers, payload) -> { }
                : session -> scripted(validating.buildHandler(session), scripted);

        eventLoop = new NioEventLoopGroup(1);
        server = new MockApnsServerBuilder()
                .setServerCredentials(new X509Certificate[]{serverCertificate.certificate()},
                        serverCertificate.privateKey(), null)
                .setTrustedClientCertificateChain(new ByteArrayInputStream(
                        clientCertificate.certificatePem().getBytes(StandardCharsets.US_ASCII)))
                .setEventLoopGroup(eventLoop)
                .setHandlerFactory(handlers)
                .setListener(new ParsingMockApnsServerListenerAdapter() {
                    @Override
                    public void handlePushNotificationAccepted(ApnsPushNotification notification) {
                        if (!acceptAll) {
                            accepted.add(notification);
                        }
                    }

                    @Override
                    public void handlePushNotificationRejected(ApnsPushNotification notification,
                                                               RejectionReason reason, Instant expiredAt) {
                    }
                })
                .build();
        port = server.start(0).get(10, TimeUnit.SECONDS);
    }

    private static PushNotificationHandler scripted(PushNotificationHandler validating,
                                                    Map<String, RejectionReason> scripted) {
        return (headers, payload) -> {
            String path = String.valueOf(headers.path());
            RejectionReason reason = scripted.get(path.substring(path.lastIndexOf('/') + 1));
            if (reason != null) {
                throw new RejectedNotificationException(reason);
            }
            validating.handlePushNotification(headers, payload);
        };
    }

    static String randomToken() {
        byte[] token = new byte[32];
        ThreadLocalRandom.current().nextBytes(token);
        return HexFormat.of().formatHex(token);
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
    public void close() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
}
