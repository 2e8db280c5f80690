package io.linnet.push.webpush;

import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InFlightLimit;
import io.linnet.push.provider.Notification;
import io.linnet.push.provider.PushProvider;
import io.linnet.push.provider.PushSender;

import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Sends with one VAPID key to browsers' push services: encrypts each payload for its subscription and posts it to
 * the subscription's endpoint. Opened by {@link WebPushConnector#open(WebPushCredentials)}.
 */
public final class WebPushSender implements PushSender {

    private final Vapid vapid;
    private final WebPushSettings settings;
    private final EndpointGuard endpoints;
    private final HttpClient http;
    private final Clock clock;
    private final InFlightLimit limit;
    private final String publicKey;
    private volatile boolean closed;

    WebPushSender(Vapid vapid, String publicKey, WebPushSettings settings, EndpointGuard endpoints, HttpClient http,
                  Clock clock) {
        this.vapid = vapid;
        this.publicKey = publicKey;
        this.settings = settings;
        this.endpoints = endpoints;
        this.http = http;
        this.clock = clock;
        this.limit = new InFlightLimit(settings.maxInFlight());
    }

    @Override
    public PushProvider provider() {
        return PushProvider.WEBPUSH;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> send(DeviceAddress device, Notification notification) {
        if (!(device instanceof DeviceAddress.WebPush subscription)) {
            throw new IllegalArgumentException("A Web Push sender cannot send to " + device.provider());
        }
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        Instant now = clock.instant();
        if (notification.isExpiredAt(now)) {
            return rejected("Expired before sending", Fault.NOTIFICATION);
        }
        try {
            // again at every send: the endpoint was checked at registration, but its name may resolve elsewhere now
            endpoints.check(subscription.endpoint());
        } catch (EndpointGuard.Refused refused) {
            return rejected("EndpointRefused: " + refused.kind(), Fault.DEVICE);
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(new DeliveryOutcome.RetryLater("UnknownHost: "
                    + subscription.endpoint().getHost()));
        }
        byte[] plaintext;
        try {
            plaintext = WebPushPayload.json(notification);
        } catch (RuntimeException unwritable) {
            return rejected("Payload not writable as JSON: " + unwritable.getMessage(), Fault.NOTIFICATION);
        }
        if (plaintext.length > Aes128Gcm.MAX_PLAINTEXT) {
            return rejected("PayloadTooLarge", Fault.NOTIFICATION);
        }
        byte[] body;
        try {
            body = Aes128Gcm.encrypt(plaintext, P256.publicKey(P256.base64Url(subscription.p256dh())),
                    P256.base64Url(subscription.auth()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the browser handed over keys no push service could use: the subscription is unusable for good
            return CompletableFuture.completedFuture(new DeliveryOutcome.DeadToken("Invalid subscription keys"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(subscription.endpoint())
                .timeout(settings.requestTimeout())
                .header("TTL", Long.toString(notification.timeToLiveAt(now).orElse(settings.defaultTimeToLive())
                        .toSeconds()))
                .header("Urgency", notification.priority() == Notification.Priority.HIGH ? "high" : "normal")
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        notification.collapseKey().ifPresent(key -> request.header("Topic", WebPushPayload.topic(key)));
        try {
            request.header("Authorization", vapid.authorization(subscription.endpoint()));
        } catch (GeneralSecurityException e) {
            return rejected("VAPID signature failed: " + e.getMessage(), Fault.CREDENTIAL);
        }
        return limit.run(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> WebPushOutcomes.of(response.statusCode(),
                        response.headers().firstValue("Location"), response.headers().firstValue("Retry-After"),
                        clock.instant()))
                .exceptionally(WebPushOutcomes::ofFailure));
    }

    private static CompletableFuture<DeliveryOutcome> rejected(String reason, Fault fault) {
        return CompletableFuture.completedFuture(new DeliveryOutcome.Rejected(reason, fault));
    }

    /** Requests awaiting a push service's answer. */
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
        return "WebPushSender[" + publicKey + "]";
    }
}
