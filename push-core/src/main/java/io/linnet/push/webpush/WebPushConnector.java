package io.linnet.push.webpush;

import io.linnet.push.provider.InvalidCredentialsException;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;

/**
 * Opens {@link WebPushSender}s, one per VAPID key, sharing one HTTP client (HTTP/2 where the push service offers
 * it) so that every app's messages to the same push service share its connections. Every endpoint is checked by
 * the {@link EndpointGuard} before it is posted to, and redirects are not followed, so a push service cannot send
 * the request on to an address the guard would refuse.
 */
public final class WebPushConnector implements AutoCloseable {

    private final WebPushSettings settings;
    private final EndpointGuard endpoints;
    private final Clock clock;
    private final HttpClient http;

    /** A connector that posts to public push services only. */
    public WebPushConnector(WebPushSettings settings) {
        this(settings, new EndpointGuard(false), Clock.systemUTC());
    }

    public WebPushConnector(WebPushSettings settings, EndpointGuard endpoints) {
        this(settings, endpoints, Clock.systemUTC());
    }

    public WebPushConnector(WebPushSettings settings, EndpointGuard endpoints, Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
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
        http.shutdownNow();
    }
}
