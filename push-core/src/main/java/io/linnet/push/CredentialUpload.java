package io.linnet.push;


/**
 * What a tenant member hands over to add a push credential, one record per {@link CredentialKind}.
 * Files are their raw bytes. Every field may be missing or wrong: {@link PushCredentials#upload}
 * checks them and says precisely what is wrong. {@code label} is optional (a name for people).
 */
public sealed interface CredentialUpload {

    String label();

    CredentialKind kind();

    /**
     * An APNs auth key.
     *
     * @param p8          the .p8 file Apple let you download once (a PEM PKCS#8 EC P-256 private key)
     * @param keyId       the key's 10-character id, as Apple shows it
     * @param teamId      the 10-character id of the Apple developer team
     * @param topic       the app's bundle id
     * @param environment sandbox, production or both (the default)
     */
    record ApnsToken(String label, byte[] p8, String keyId, String teamId, String topic, String environment)
            implements CredentialUpload {
        @Override
        public CredentialKind kind() {
            return CredentialKind.APNS_TOKEN;
        }

        @Override
        public String toString() {
            return "ApnsToken[label=" + label + ", keyId=" + keyId + ", teamId=" + teamId + ", topic=" + topic + "]";
        }
    }

    /**
     * An APNs certificate with its private key.
     *
     * @param p12         the .p12 file, as Keychain Access exports it
     * @param password    the .p12's password (empty for none)
     * @param environment optional: which environment to use a universal certificate for
     */
    record ApnsCertificate(String label, byte[] p12, String password, String environment) implements CredentialUpload {
        @Override
        public CredentialKind kind() {
            return CredentialKind.APNS_CERTIFICATE;
        }

        @Override
        public String toString() {
            return "ApnsCertificate[label=" + label + "]";
        }
    }

    /** A Firebase service account's key file, as the Firebase console downloads it. */
    record FcmServiceAccount(String label, byte[] json) implements CredentialUpload {
        @Override
        public CredentialKind kind() {
            return CredentialKind.FCM;
        }

        @Override
        public String toString() {
            return "FcmServiceAccount[label=" + label + "]";
        }
    }

    /**
     * A VAPID key pair made elsewhere, in the usual raw base64url form (the public key an
     * uncompressed P-256 point of 65 bytes, the private key 32 bytes).
     *
     * @param subject a {@code mailto:} address or an {@code https:} URL where push services can reach you
     */
    record VapidKeys(String label, String publicKey, String privateKey, String subject) implements CredentialUpload {
        @Override
        public CredentialKind kind() {
            return CredentialKind.WEBPUSH_VAPID;
        }

        @Override
        public String toString() {
            return "VapidKeys[label=" + label + ", publicKey=" + publicKey + ", subject=" + subject + "]";
        }
    }
}
