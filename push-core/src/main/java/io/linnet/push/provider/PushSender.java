package io.linnet.push.provider;

import io.linnet.push.PushProvider;

import java.util.concurrent.CompletableFuture;

/**
 * Sends notifications with one app's credential for one provider. A sender holds that credential's connections
 * and tokens, so the pipeline keeps one per live credential and shares it between its workers; it holds nothing per
 * device.
 *
 * <p>At most a configured number of sends are in flight at once. {@link #send} blocks its caller while that many
 * are outstanding (the pipeline's back-pressure), so call it from a worker thread, never from a completion callback
 * of another send.
 */
public interface PushSender extends AutoCloseable {

    PushProvider provider();

    /**
     * Sends one notification to one device. The future never completes exceptionally: transport failures and
     * timeouts become {@link DeliveryOutcome.RetryLater}, local refusals (an expired notification, a payload the
     * provider would refuse as too large) become {@link DeliveryOutcome.Rejected}.
     *
     * @throws IllegalArgumentException when {@code device} is for another provider
     * @throws IllegalStateException    when the sender is closed
     */
    CompletableFuture<DeliveryOutcome> send(DeviceAddress device, Notification notification);

    /** Closes the credential's connections; sends still in flight end as {@link DeliveryOutcome.RetryLater}. */
    @Override
    void close();
}
