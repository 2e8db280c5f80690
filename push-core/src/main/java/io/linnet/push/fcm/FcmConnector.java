package io.linnet.push.fcm;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.linnet.push.provider.InvalidCredentialsException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens {@link FcmSender}s, one per service account. They share one HTTP/2 client, so every sender's messages
 * multiplex over the same connections to FCM, and one executor for minting access tokens (a blocking call).
 */
public final class FcmConnector implements AutoCloseable {

    private final FcmSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService minting = Executors.newVirtualThreadPerTaskExecutor();

    public FcmConnector(FcmSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public FcmConnector(FcmSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A sender for the service account in {@code credentials}. No request is made until the first send.
     *
     * @throws InvalidCredentialsException when the JSON is not a service account with a key and a project id
     */
    public FcmSender open(FcmCredentials credentials) {
        ServiceAccountCredentials account;
        try {
            account = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(credentials.serviceAccountJson().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            throw new InvalidCredentialsException("Not a service account JSON with client_email, private_key, "
                    + "private_key_id and client_id", e);
        }
        String projectId = account.getProjectId();
        if (projectId == null || projectId.isBlank()) {
            throw new InvalidCredentialsException("The service account JSON has no project_id");
        }
        // minted where the server is configured to, never at the file's token_uri (see FcmSettings.tokenUri)
        GoogleCredentials scoped = account.toBuilder()
                .setTokenServerUri(settings.tokenUri())
                .setScopes(List.of(FcmAccessTokens.SCOPE))
                .build();
        return new FcmSender(projectId, settings, http, new FcmAccessTokens(scoped, minting, clock), clock);
    }

    /** Closes the shared HTTP client; requests still in flight end as to be retried. */
    @Override
    public void close() {
        http.shutdownNow();
        minting.shutdownNow();
    }
}
