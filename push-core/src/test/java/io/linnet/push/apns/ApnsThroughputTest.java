package io.linnet.push.apns;

import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.Notification;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a check: sends/s of one token-auth sender on one connection against the mock server.
 * Run with {@code -Dlinnet.measure=true -Dtest=ApnsThroughputTest}.
 */
@EnabledIfSystemProperty(named = "linnet.measure", matches = "true")
class ApnsThroughputTest {

    private static final int WARM_UP = 5_000;
    private static final int MEASURED = 30_000;

    @ParameterizedTest(name = "accept-all mock: {0}")
    @ValueSource(booleans = {true, false})
    void one_connection_sends_this_many_notifications_per_second(boolean acceptAll) throws Exception {
        try (MockApns apns = new MockApns(acceptAll); ApnsConnector connector = new ApnsConnector(apns.settings())) {
            ApnsSender sender = connector.open(apns.tokenCredentials());
            var device = new DeviceAddress.Apns(apns.liveToken, DeviceAddress.Apns.Environment.PRODUCTION);
            Notification notification = Notification.builder().title("Mia").body("See you at 8?").badge(1).build();

            run(sender, device, notification, WARM_UP);
            long start = System.nanoTime();
            int accepted = run(sender, device, notification, MEASURED);
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("APNs %s mock, 1 connection, %d in flight max: %d sends in %.2f s = %.0f/s%n",
                    acceptAll ? "accept-all" : "validating", apns.settings().maxInFlightPerConnection(), MEASURED,
                    seconds, MEASURED / seconds);
            assertThat(accepted).isEqualTo(MEASURED);
        }
    }

    private static int run(ApnsSender sender, DeviceAddress device, Notification notification, int count)
            throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            all[i] = sender.send(device, notification).thenAccept(outcome -> {
                if (outcome instanceof DeliveryOutcome.Accepted) {
                    accepted.incrementAndGet();
                }
            });
        }
        CompletableFuture.allOf(all).get(2, TimeUnit.MINUTES);
        return accepted.get();
    }
}
