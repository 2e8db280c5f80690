package io.linnet.push.webpush;

import java.util.Objects;

/**
 * An app's VAPID key pair (RFC 8292) and contact. {@code toString} never shows the private key.
 *
 * @param publicKey  the P-256 public key as an uncompressed point, base64url: the {@code applicationServerKey}
 *                   browsers subscribe with
 * @param privateKey the P-256 private key as its 32-byte scalar, base64url
 * @param subject    how the push service can reach the app's operator: a {@code mailto:} or {@code https:} URI
 */
public record WebPushCredentials(String publicKey, String privateKey, String subject) {

    public WebPushCredentials {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return "WebPushCredentials[publicKey=" + publicKey + ", subject=" + subject + "]";
    }
}
