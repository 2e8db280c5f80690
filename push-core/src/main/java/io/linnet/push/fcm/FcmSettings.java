package io.linnet.push.fcm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how FCM senders connect.
 *
 * @param baseUrl           the FCM API, {@code https://fcm.googleapis.com} in production; messages go to
 *                          {@code {baseUrl}/v1/projects/{projectId}/messages:send}
 * @param tokenUri          where access tokens are minted, {@code https://oauth2.googleapis.com/token} in production:
 *                          always this one, never the {@code token_uri} a service account file names, since the file
 *                          comes from a tenant and must not choose where the server posts its signed assertions
 * @param maxInFlight       requests awaiting FCM's answer per sender; a send waits beyond that
 * @param connectTimeout    for establishing a connection
 * @param requestTimeout    from sending a message to FCM's answer; past it the send is to be retried
 * @param defaultTimeToLive how long FCM keeps a message that has no expiry for an offline device
 */
public record FcmSettings(URI baseUrl, URI tokenUri, int maxInFlight, Duration connectTimeout, Duration requestTimeout,
                          Duration defaultTimeToLive) {

    public static final URI FCM = URI.create("https://fcm.googleapis.com");
    public static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");

    public FcmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("The FCM base URL is absolute");
        }
        Objects.requireNonNull(tokenUri, "tokenUri");
        if (!tokenUri.isAbsolute()) {
            throw new IllegalArgumentException("The FCM token URI is absolute");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(defaultTimeToLive, "defaultTimeToLive");
    }

    /** Google's FCM, 500 requests in flight per sender. */
    public static FcmSettings defaults() {
        return new FcmSettings(FCM, GOOGLE_TOKEN_URI, 500, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofDays(1));
    }

    public FcmSettings withBaseUrl(URI baseUrl) {
        return new FcmSettings(baseUrl, tokenUri, maxInFlight, connectTimeout, requestTimeout, defaultTimeToLive);
    }

    public FcmSettings withTokenUri(URI tokenUri) {
        return new FcmSettings(baseUrl, tokenUri, maxInFlight, connectTimeout, requestTimeout, defaultTimeToLive);
    }

    public FcmSettings withMaxInFlight(int maxInFlight) {
        return new FcmSettings(baseUrl, tokenUri, maxInFlight, connectTimeout, requestTimeout, defaultTimeToLive);
    }

    public FcmSettings withRequestTimeout(Duration requestTimeout) {
        return new FcmSettings(baseUrl, tokenUri, maxInFlight, connectTimeout, requestTimeout, defaultTimeToLive);
    }
}
