package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.push.PushCredentials;
import io.linnet.tenancy.DomainException;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A credential that passed its checks, ready to store: the public {@code metadata} (shown), the
 * {@code secret} fields (encrypted as one JSON object), and the expiry when it has one.
 */
public record CheckedCredential(CredentialKind kind, String label, Map<String, String> metadata,
                                Map<String, String> secret, Instant expiresAt) {

    static final int MAX_LABEL_LENGTH = 100;

    public CheckedCredential {
        metadata = Map.copyOf(metadata);
        secret = Map.copyOf(secret);
    }

    /**
     * Checks an upload as its kind requires; bad input is a {@link DomainException} that says precisely what is
     * wrong.
     *
     * @param now         when a certificate must not have expired yet
     * @param fcmTokenUri where FCM access tokens are minted, whatever a service account file says
     */
    public static CheckedCredential of(CredentialUpload upload, Instant now, URI fcmTokenUri) {
        return switch (upload) {
            case CredentialUpload.ApnsToken token -> ApnsKeyFile.check(sized(token, token.p8()));
            case CredentialUpload.ApnsCertificate certificate ->
                    ApnsCertificateFile.check(sized(certificate, certificate.p12()), now);
            case CredentialUpload.FcmServiceAccount account -> ServiceAccountFile.check(sized(account, account.json()),
                    fcmTokenUri);
            case CredentialUpload.VapidKeys keys -> VapidKeyPair.check(keys);
        };
    }

    /**
     * A new VAPID key pair for Web Push, made here; {@code subject} is a {@code mailto:} address or an
     * {@code https:} URL where push services can reach the app's owner.
     */
    public static CheckedCredential newVapidKeys(String label, String subject) {
        String checkedSubject = VapidKeyPair.subject(subject);
        VapidKeyPair pair = VapidKeyPair.generate();
        return VapidKeyPair.check(new CredentialUpload.VapidKeys(label, pair.publicKey(), pair.privateKey(), checkedSubject));
    }

    /** The label a member chose, or {@code fallback} when they gave none. */
    static String label(String raw, String fallback) {
        String label = raw == null || raw.isBlank() ? fallback : raw.strip();
        if (label.length() > MAX_LABEL_LENGTH) {
            throw DomainException.invalid("label must be at most " + MAX_LABEL_LENGTH + " characters");
        }
        return label;
    }

    /** A client's value quoted in a message: short, so that a message never echoes a whole body. */
    static String quoted(String raw) {
        String value = raw == null ? "" : raw.strip();
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }

    private static <T extends CredentialUpload> T sized(T upload, byte[] file) {
        if (file != null && file.length > PushCredentials.MAX_FILE_BYTES) {
            throw DomainException.invalid("The file is larger than " + PushCredentials.MAX_FILE_BYTES / 1024
                    + " KiB, which no push credential is: is it the right file?");
        }
        return upload;
    }

    @Override
    public String toString() {
        return "CheckedCredential[" + kind + ", " + label + ", " + metadata + "]";
    }
}
