package io.linnet.push.apns;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import io.linnet.push.provider.InvalidCredentialsException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@link ApnsSender}s, one per credential, on one shared Netty event loop. Close it last: it closes the
 * senders still open and then the event loop.
 */
public final class ApnsConnector implements AutoCloseable {

    private final ApnsSettings settings;
    private final Clock clock;
    private final EventLoopGroup eventLoop;
    private final Set<ApnsSender> open = ConcurrentHashMap.newKeySet();

    public ApnsConnector(ApnsSettings settings) {
        this(settings, Clock.systemUTC());
    }

    @SuppressWarnings("deprecation") // Pushy refuses Netty 4.2's MultiThreadIoEventLoopGroup; it needs this one
    public ApnsConnector(ApnsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.eventLoop = new NioEventLoopGroup(settings.eventLoopThreads());
    }

    /**
     * A sender for {@code credentials}. Connections open on the first send.
     *
     * @throws InvalidCredentialsException when the key or the .p12 file cannot be read
     */
    public ApnsSender open(ApnsCredentials credentials) {
        ApnsClient production = client(credentials, settings.production());
        ApnsClient sandbox;
        try {
            sandbox = client(credentials, settings.sandbox());
        } catch (RuntimeException e) {
            production.close();
            throw e;
        }
        ApnsSender sender = new ApnsSender(credentials, settings, clock, production, sandbox, open::remove);
        open.add(sender);
        return sender;
    }

    private ApnsClient client(ApnsCredentials credentials, ApnsSettings.Endpoint endpoint) {
        ApnsClientBuilder builder = new ApnsClientBuilder()
                .setApnsServer(endpoint.host(), endpoint.port())
                .setEventLoopGroup(eventLoop)
                .setConcurrentConnections(settings.connectionsPerEnvironment())
                .setConnectionTimeout(settings.connectTimeout());
        List<X509Certificate> trusted = settings.trustedServerCertificates();
        if (!trusted.isEmpty()) {
            builder.setTrustedServerCertificateChain(trusted.toArray(X509Certificate[]::new));
        }
        switch (credentials) {
            case ApnsCredentials.Token token -> builder.setSigningKey(signingKey(token));
            case ApnsCredentials.Certificate certificate -> {
                try {
                    builder.setClientCredentials(new ByteArrayInputStream(certificate.p12()), certificate.password());
                } catch (IOException | RuntimeException e) {
                    throw new InvalidCredentialsException(
                            "The .p12 file cannot be read with this password, or holds no private key", e);
                }
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new InvalidCredentialsException("No TLS context can be built from this APNs credential", e);
        }
    }

    private static ApnsSigningKey signingKey(ApnsCredentials.Token token) {
        try {
            return ApnsSigningKey.loadFromInputStream(
                    new ByteArrayInputStream(token.p8Pem().getBytes(StandardCharsets.UTF_8)), token.teamId(),
                    token.keyId());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidCredentialsException("The .p8 key is not a PKCS#8 PEM EC private key", e);
        }
    }

    /** Closes every sender still open, then the event loop (with a short quiet period, so it takes milliseconds). */
    @Override
    public void close() {
        List.copyOf(open).forEach(ApnsSender::close);
        eventLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
