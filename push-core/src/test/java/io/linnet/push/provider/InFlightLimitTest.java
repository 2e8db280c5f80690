package io.linnet.push.provider;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InFlightLimitTest {

    @Test
    void a_send_waits_while_the_limit_is_reached_and_starts_when_one_completes() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        List<CompletableFuture<DeliveryOutcome>> pending = new ArrayList<>();
        limit.run(() -> pending.add(new CompletableFuture<>()) ? pending.getLast() : null);
        limit.run(() -> pending.add(new CompletableFuture<>()) ? pending.getLast() : null);
        assertThat(limit.inFlight()).isEqualTo(2);

        AtomicBoolean thirdStarted = new AtomicBoolean();
        Thread third = Thread.ofVirtual().start(() -> limit.run(() -> {
            thirdStarted.set(true);
            return CompletableFuture.completedFuture(new DeliveryOutcome.Accepted("Accepted", java.util.Optional.empty()));
        }));
        // the third sender waits for a slot: parked, and its request not started
        await().until(() -> third.getState() == Thread.State.WAITING || third.getState() == Thread.State.TIMED_WAITING);
        assertThat(thirdStarted).isFalse();

        pending.getFirst().complete(new DeliveryOutcome.RetryLater("done"));
        third.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(thirdStarted).isTrue();
        await().untilAsserted(() -> assertThat(limit.inFlight()).isEqualTo(1));
    }

    @Test
    void a_request_that_fails_to_start_gives_its_slot_back() {
        InFlightLimit limit = new InFlightLimit(1);
        try {
            limit.run(() -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the caller sees the failure; the slot must not leak
        }
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void an_interrupted_wait_is_to_be_retried() {
        InFlightLimit limit = new InFlightLimit(1);
        limit.run(CompletableFuture::new);

        Thread.currentThread().interrupt();
        CompletableFuture<DeliveryOutcome> outcome = limit.run(CompletableFuture::new);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(outcome).isCompletedWithValue(new DeliveryOutcome.RetryLater("Interrupted before sending"));
    }
}
