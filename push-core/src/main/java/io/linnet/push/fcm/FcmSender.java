package io.linnet.push.fcm;

import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InFlightLimit;
import io.linnet.push.provider.Notification;
import io.linnet.push.provider.PushSender;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Sends with one Firebase service account through the FCM HTTP v1 API. A 401 answer gets one retry with a freshly
 * minted access token. Opened by {@link FcmConnector#open(FcmCredentials)}.
 */
public final class FcmSender implements PushSender {

    private final String projectId;
    private final URI sendUri;
    private final FcmSettings settings;
    private final HttpClient http;
    private final FcmAccessTokens tokens;
    private final Clock clock;
    private final InFlightLimit limit;
    private volatile boolean closed;

    FcmSender(String projectId, FcmSettings settings, HttpClient http, FcmAccessTokens tokens, Clock clock) {
        this.projectId = projectId;
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.sendUri = URI.create(base + "/v1/projects/" + projectId + "/messages:send");
        this.settings = settings;
        this.http = http;
        this.tokens = tokens;
        this.clock = clock;
        this.limit = new InFlightLimit(settings.maxInFlight());
    }

    @Override
    public PushProvider provider() {
        return PushProvider.FCM;
    }

    /** The Firebase project the service account belongs to. */
    public String projectId() {
        return projectId;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> send(DeviceAddress device, Notification notification) {
        if (!(device instanceof DeviceAddress.Fcm fcm)) {
            throw new IllegalArgumentException("An FCM sender cannot send to " + device.provider());
        }
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        Instant now = clock.instant();
        if (notification.isExpiredAt(now)) {
            return CompletableFuture.completedFuture(
                    new DeliveryOutcome.Rejected("Expired before sending", DeliveryOutcome.Rejected.Fault.NOTIFICATION));
        }
        byte[] body;
        try {
            body = FcmMessage.body(fcm.registrationToken(), notification, now, settings.defaultTimeToLive());
        } catch (RuntimeException unwritable) {
            return CompletableFuture.completedFuture(new DeliveryOutcome.Rejected(
                    "Message not writable as JSON: " + unwritable.getMessage(), DeliveryOutcome.Rejected.Fault.NOTIFICATION));
        }
        return limit.run(() -> tokens.current()
                .thenCompose(token -> post(body, token).thenCompose(response -> response.statusCode() == 401
                        ? tokens.replacing(token).thenCompose(fresh -> post(body, fresh))
                        : CompletableFuture.completedFuture(response)))
                .thenApply(response -> FcmOutcomes.of(response.statusCode(), response.body(),
                        response.headers().firstValue("Retry-After"), clock.instant()))
                .exceptionally(FcmOutcomes::ofFailure));
    }

    private CompletableFuture<HttpResponse<String>> post(byte[] body, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(sendUri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Requests awaiting FCM's answer. */
    public int inFlight() {
        return limit.inFlight();
    }

    /** Refuses further sends; the HTTP client is the connector's and stays open for the other senders. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "FcmSender[" + projectId + "]";
    }
}
