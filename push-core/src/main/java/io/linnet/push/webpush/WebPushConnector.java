package io.linnet.push.webpush;

import io.linnet.push.provider.InvalidCredentialsException;
import io.linnet.tenancy.outbound.OutboundGuard;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens {@link WebPushSender}s, one per VAPID key, sharing one HTTP client (HTTP/2 where the push service offers
 * it) so that every app's messages to the same push service share its connections. A subscription's endpoint is a
 * URL the client chose, so the client is the {@link OutboundGuard}'s: every connection goes only to public addresses,
 * whatever the endpoint's name resolves to at that moment, and redirects are not followed, so a push service cannot
 * send the request on to an address the guard would refuse.
 */
public final class WebPushConnector implements AutoCloseable {

    private final WebPushSettings settings;
    private final OutboundGuard endpoints;
    private final Clock clock;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final OkHttpClient http;

    /** A connector that posts to public push services only. */
    public WebPushConnector(WebPushSettings settings) {
        this(settings, new OutboundGuard(false), Clock.systemUTC());
    }

    public WebPushConnector(WebPushSettings settings, OutboundGuard endpoints) {
        this(settings, endpoints, Clock.systemUTC());
    }

    public WebPushConnector(WebPushSettings settings, OutboundGuard endpoints, Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.clock = clock;
        // a call holds a thread while it waits for its answer; virtual threads, so thousands in flight cost little.
        // The senders' in-flight limits bound the calls, not the dispatcher.
        Dispatcher dispatcher = new Dispatcher(calls);
        dispatcher.setMaxRequests(Integer.MAX_VALUE);
        dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
        this.http = endpoints.httpClient()
                .dispatcher(dispatcher)
                .connectTimeout(settings.connectTimeout())
                .callTimeout(settings.requestTimeout())
                .build();
    }

    /**
     * A sender for the VAPID key pair in {@code credentials}.
     *
     * @throws InvalidCredentialsException when the keys are not a matching P-256 pair or the subject is not a
     *                                     {@code mailto:} or {@code https:} URI
     */
    public WebPushSender open(WebPushCredentials credentials) {
        ECPublicKey publicKey;
        ECPrivateKey privateKey;
        try {
            publicKey = P256.publicKey(P256.base64Url(credentials.publicKey()));
            privateKey = P256.privateKey(P256.base64Url(credentials.privateKey()));
        } catch (GeneralSecurityException e) {
            throw new InvalidCredentialsException("The VAPID keys are not a base64url P-256 public point and private "
                    + "scalar: " + e.getMessage());
        }
        if (!keysMatch(publicKey, privateKey)) {
            throw new InvalidCredentialsException("The VAPID public key does not belong to the private key");
        }
        String subject = credentials.subject().trim();
        if (!isContact(subject)) {
            throw new InvalidCredentialsException("The VAPID subject is a mailto: or https: URI, not " + subject);
        }
        String encodedPublicKey = P256.base64Url(P256.encode(publicKey));
        Vapid vapid = new Vapid(privateKey, encodedPublicKey, subject, settings.vapidTokenLifetime(), clock);
        return new WebPushSender(vapid, encodedPublicKey, settings, endpoints, http, clock);
    }

    /** Whether the public key verifies what the private key signs: the two halves of one VAPID key pair. */
    public static boolean keysMatch(PublicKey publicKey, PrivateKey privateKey) {
        try {
            byte[] probe = "linnet vapid key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isContact(String subject) {
        try {
            URI uri = URI.create(subject);
            return ("mailto".equalsIgnoreCase(uri.getScheme()) && uri.getSchemeSpecificPart().contains("@"))
                    || ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Closes the shared HTTP client; requests still in flight end as to be retried. */
    @Override
    public void close() {
        http.dispatcher().cancelAll();
        calls.shutdownNow();
        http.connectionPool().evictAll();
    }
}
