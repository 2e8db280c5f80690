package io.linnet.push.fcm;

import java.util.Objects;

/**
 * A Firebase service account as downloaded from the Firebase console: the JSON holds the project id, the client
 * email, the private key and the {@code token_uri} where access tokens are minted. {@code toString} never shows it.
 */
public record FcmCredentials(String serviceAccountJson) {

    public FcmCredentials {
        Objects.requireNonNull(serviceAccountJson, "serviceAccountJson");
    }

    @Override
    public String toString() {
        return "FcmCredentials[service account JSON, " + serviceAccountJson.length() + " chars]";
    }
}
