package io.linnet.push.credential;

import io.linnet.push.CredentialId;

import java.time.Instant;
import java.util.Base64;

/**
 * A live credential with its secret, decrypted, for the delivery pipeline to sign in to a provider
 * with. Each form is what the provider libraries take as it is. Never log one, never return one
 * from an API: {@code toString()} leaves the secret out.
 */
public sealed interface PushCredentialMaterial {

    CredentialId credentialId();

    Instant createdAt();

    /** An APNs auth key: sign JWTs (ES256) with {@code privateKeyPem}, a PKCS#8 PEM. */
    record ApnsToken(CredentialId credentialId, Instant createdAt, String keyId, String teamId, String topic,
                     ApnsEnvironment environment, String privateKeyPem) implements PushCredentialMaterial {
        @Override
        public String toString() {
            return "ApnsToken[" + credentialId + ", keyId=" + keyId + ", teamId=" + teamId + ", topic=" + topic
                    + ", environment=" + environment + "]";
        }
    }

    /** An APNs certificate: TLS client authentication with the .p12 and its password. */
    record ApnsCertificate(CredentialId credentialId, Instant createdAt, String topic, ApnsEnvironment environment,
                           Instant expiresAt, String pkcs12Base64, String password) implements PushCredentialMaterial {

        /** The .p12 file's bytes. */
        public byte[] pkcs12() {
            return Base64.getDecoder().decode(pkcs12Base64);
        }

        @Override
        public String toString() {
            return "ApnsCertificate[" + credentialId + ", topic=" + topic + ", environment=" + environment
                    + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** An FCM service account: {@code serviceAccountJson} is the key file as uploaded. */
    record Fcm(CredentialId credentialId, Instant createdAt, String projectId, String clientEmail,
               String serviceAccountJson) implements PushCredentialMaterial {
        @Override
        public String toString() {
            return "Fcm[" + credentialId + ", projectId=" + projectId + ", clientEmail=" + clientEmail + "]";
        }
    }

    /** A VAPID key pair in raw base64url (public: 65-byte uncompressed point; private: 32 bytes). */
    record Vapid(CredentialId credentialId, Instant createdAt, String subject, String publicKey,
                 String privateKey) implements PushCredentialMaterial {
        @Override
        public String toString() {
            return "Vapid[" + credentialId + ", subject=" + subject + ", publicKey=" + publicKey + "]";
        }
    }
}
