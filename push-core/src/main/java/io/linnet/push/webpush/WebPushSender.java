package io.linnet.push.webpush;

import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InFlightLimit;
import io.linnet.push.provider.Notification;
import io.linnet.push.provider.PushSender;
import io.linnet.tenancy.outbound.OutboundGuard;
import io.linnet.tenancy.outbound.OutboundRefused;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends with one VAPID key to browsers' push services: encrypts each payload for its subscription and posts it to
 * the subscription's endpoint. Opened by {@link WebPushConnector#open(WebPushCredentials)}.
 */
public final class WebPushSender implements PushSender {

    private static final MediaType ENCRYPTED = MediaType.get("application/octet-stream");

    private final Vapid vapid;
    private final WebPushSettings settings;
    private final OutboundGuard endpoints;
    private final OkHttpClient http;
    private final Clock clock;
    private final InFlightLimit limit;
    private final String publicKey;
    private volatile boolean closed;

    WebPushSender(Vapid vapid, String publicKey, WebPushSettings settings, OutboundGuard endpoints, OkHttpClient http,
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
            // the endpoint was checked at registration; its form is checked again here, and what its name resolves
            // to now is checked by the client when it connects
            endpoints.checkForm(subscription.endpoint());
        } catch (OutboundRefused refused) {
            return rejected("EndpointRefused: " + refused.kind(), Fault.DEVICE);
        }
        HttpUrl url = HttpUrl.get(subscription.endpoint());
        if (url == null) {
            return rejected("EndpointRefused: not a URL", Fault.DEVICE);
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
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("TTL", Long.toString(notification.timeToLiveAt(now).orElse(settings.defaultTimeToLive())
                        .toSeconds()))
                .header("Urgency", notification.priority() == Notification.Priority.HIGH ? "high" : "normal")
                .header("Content-Encoding", "aes128gcm")
                .post(RequestBody.create(body, ENCRYPTED));
        notification.collapseKey().ifPresent(key -> request.header("Topic", WebPushPayload.topic(key)));
        try {
            request.header("Authorization", vapid.authorization(subscription.endpoint()));
        } catch (GeneralSecurityException e) {
            return rejected("VAPID signature failed: " + e.getMessage(), Fault.CREDENTIAL);
        }
        return limit.run(() -> post(request.build(), subscription.endpoint().getHost()));
    }

    private CompletableFuture<DeliveryOutcome> post(Request request, String host) {
        CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    outcome.complete(WebPushOutcomes.of(response.code(), Optional.ofNullable(response.header("Location")),
                            Optional.ofNullable(response.header("Retry-After")), clock.instant()));
                }
            }

            @Override
            public void onFailure(Call call, IOException failure) {
                outcome.complete(failed(failure, host));
            }
        });
        return outcome;
    }

    /**
     * A send that got no answer. The reason names what happened in words of its own, never the exception's message:
     * neither may tell where the endpoint's name led, so a refused connection does not say which range it was in.
     */
    private static DeliveryOutcome failed(IOException failure, String host) {
        Optional<OutboundRefused> refused = OutboundRefused.in(failure);
        if (refused.isPresent()) {
            return new DeliveryOutcome.Rejected("EndpointRefused: not a public address", Fault.DEVICE);
        }
        if (failure instanceof UnknownHostException) {
            return new DeliveryOutcome.RetryLater("UnknownHost: " + host);
        }
        if (failure instanceof InterruptedIOException) {
            return new DeliveryOutcome.RetryLater("Timeout waiting for the push service");
        }
        return new DeliveryOutcome.RetryLater("Could not reach the push service");
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
