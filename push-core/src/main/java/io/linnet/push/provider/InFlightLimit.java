package io.linnet.push.provider;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the requests one sender has in flight. {@link #run} waits for a free slot, starts the request, and frees
 * the slot when its future completes, however it completes.
 */
public final class InFlightLimit {

    private final int max;
    private final Semaphore slots;

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("At least one request must be allowed in flight");
        }
        this.max = max;
        this.slots = new Semaphore(max);
    }

    /**
     * Starts {@code request} once a slot is free. An interrupted wait ends as {@link DeliveryOutcome.RetryLater}
     * with the thread's interrupt flag set again.
     */
    public CompletableFuture<DeliveryOutcome> run(Supplier<CompletableFuture<DeliveryOutcome>> request) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(new DeliveryOutcome.RetryLater("Interrupted before sending"));
        }
        CompletableFuture<DeliveryOutcome> started;
        try {
            started = request.get();
        } catch (RuntimeException | Error e) {
            slots.release();
            throw e;
        }
        return started.whenComplete((outcome, failure) -> slots.release());
    }

    /** Requests in flight now. */
    public int inFlight() {
        return max - slots.availablePermits();
    }

    public int max() {
        return max;
    }
}
