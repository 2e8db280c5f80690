package io.linnet.push.apns;

import java.util.Arrays;
import java.util.Objects;

/** What an app uploaded to authenticate with APNs. {@code toString} never shows the secret parts. */
public sealed interface ApnsCredentials {

    /** The bundle id notifications go to unless a device names its own topic. */
    String topic();

    /**
     * Token authentication: an ES256 key from the Apple developer account, valid for every app of the team.
     *
     * @param p8Pem  the .p8 file's text, a PKCS#8 PEM private key
     * @param keyId  the key's 10-character id
     * @param teamId the developer team's 10-character id
     */
    record Token(String p8Pem, String keyId, String teamId, String topic) implements ApnsCredentials {
        public Token {
            Objects.requireNonNull(p8Pem, "p8Pem");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(topic, "topic");
        }

        @Override
        public String toString() {
            return "ApnsCredentials.Token[keyId=" + keyId + ", teamId=" + teamId + ", topic=" + topic + "]";
        }
    }

    /**
     * Certificate authentication: a client certificate and its key for one app, as a .p12 file.
     *
     * @param p12      the .p12 file's bytes
     * @param password the .p12 file's password, empty for none
     */
    record Certificate(byte[] p12, String password, String topic) implements ApnsCredentials {
        public Certificate {
            p12 = Objects.requireNonNull(p12, "p12").clone();
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(topic, "topic");
        }

        @Override
        public byte[] p12() {
            return p12.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Certificate that && Arrays.equals(p12, that.p12)
                    && password.equals(that.password) && topic.equals(that.topic);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(p12), password, topic);
        }

        @Override
        public String toString() {
            return "ApnsCredentials.Certificate[topic=" + topic + "]";
        }
    }
}
