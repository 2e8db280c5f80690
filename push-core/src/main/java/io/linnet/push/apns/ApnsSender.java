package io.linnet.push.apns;

import com.eatthepath.pushy.apns.ApnsClient;
import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InFlightLimit;
import io.linnet.push.provider.Notification;
import io.linnet.push.provider.PushSender;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends with one APNs credential: a Pushy client per environment (sandbox, production), each with its own bound on
 * notifications in flight. Opened by {@link ApnsConnector#open(ApnsCredentials)}.
 */
public final class ApnsSender implements PushSender {

    private final ApnsCredentials credentials;
    private final ApnsSettings settings;
    private final Clock clock;
    private final Lane production;
    private final Lane sandbox;
    private final Consumer<ApnsSender> onClose;
    private volatile boolean closed;

    /** One environment's client and its in-flight bound. */
    private record Lane(ApnsClient client, InFlightLimit limit) {
    }

    ApnsSender(ApnsCredentials credentials, ApnsSettings settings, Clock clock, ApnsClient production,
               ApnsClient sandbox, Consumer<ApnsSender> onClose) {
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
        int maxInFlight = settings.maxInFlightPerConnection() * settings.connectionsPerEnvironment();
        this.production = new Lane(production, new InFlightLimit(maxInFlight));
        this.sandbox = new Lane(sandbox, new InFlightLimit(maxInFlight));
        this.onClose = onClose;
    }

    @Override
    public PushProvider provider() {
        return PushProvider.APNS;
    }

    /** The credential's default topic. */
    public String topic() {
        return credentials.topic();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> send(DeviceAddress device, Notification notification) {
        if (!(device instanceof DeviceAddress.Apns apns)) {
            throw new IllegalArgumentException("An APNs sender cannot send to " + device.provider());
        }
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        Instant now = clock.instant();
        if (notification.isExpiredAt(now)) {
            return CompletableFuture.completedFuture(
                    new DeliveryOutcome.Rejected("Expired before sending", DeliveryOutcome.Rejected.Fault.NOTIFICATION));
        }
        String payload;
        try {
            payload = ApnsPayload.json(notification);
        } catch (RuntimeException unwritable) {
            return CompletableFuture.completedFuture(new DeliveryOutcome.Rejected(
                    "Payload not writable as JSON: " + unwritable.getMessage(), DeliveryOutcome.Rejected.Fault.NOTIFICATION));
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > ApnsPayload.MAX_BYTES) {
            return CompletableFuture.completedFuture(
                    new DeliveryOutcome.Rejected("PayloadTooLarge", DeliveryOutcome.Rejected.Fault.NOTIFICATION));
        }
        var request = ApnsPayload.request(apns, credentials.topic(), notification, payload, now,
                settings.defaultTimeToLive());
        Lane lane = apns.environment() == DeviceAddress.Apns.Environment.SANDBOX ? sandbox : production;
        return lane.limit().run(() -> lane.client().sendNotification(request)
                .<DeliveryOutcome>thenApply(ApnsOutcomes::of)
                .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(ApnsOutcomes::ofFailure));
    }

    /** Notifications awaiting APNs' answer, both environments together. */
    public int inFlight() {
        return production.limit().inFlight() + sandbox.limit().inFlight();
    }

    /** Closes both connections, waiting a few seconds for answers to notifications already sent. */
    @Override
    public void close() {
        closed = true;
        try {
            CompletableFuture.allOf(production.client().close(), sandbox.client().close()).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the connections are abandoned either way; the shared event loop reclaims them
        } finally {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "ApnsSender[" + credentials + "]";
    }
}
