package io.linnet.analytics.meter;

import io.linnet.analytics.Metric;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class MeterTest {

    private static final AppRef APP = new AppRef(new TenantId(UUID.randomUUID()), new AppId(UUID.randomUUID()));
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:15:30Z"));
    private final Meter meter = new Meter(clock);

    @Test
    void counts_are_taken_out_once_per_hour_and_metric() {
        meter.add(APP, Metric.MESSAGES_DIRECT, 1);
        meter.add(APP, Metric.MESSAGES_DIRECT, 1);
        meter.add(APP, Metric.API_CALLS, "key-1", 3);
        clock.move(Duration.ofHours(1));
        meter.add(APP, Metric.MESSAGES_DIRECT, 1);

        Meter.Drained drained = meter.drain();

        assertThat(drained.counts()).containsOnly(
                entry("2026-12-06T10:00:00Z", Metric.MESSAGES_DIRECT, "", 2),
                entry("2026-12-06T10:00:00Z", Metric.API_CALLS, "key-1", 3),
                entry("2026-12-06T11:00:00Z", Metric.MESSAGES_DIRECT, "", 1));
        assertThat(meter.drain().counts()).as("nothing twice").isEmpty();
    }

    @Test
    void what_a_flush_could_not_write_is_written_by_the_next() {
        meter.add(APP, Metric.DELIVERIES, 5);
        meter.active(APP, "ann");
        Meter.Drained failed = meter.drain();
        meter.add(APP, Metric.DELIVERIES, 2);

        meter.restore(failed);
        Meter.Drained next = meter.drain();

        assertThat(next.counts()).containsOnly(entry("2026-12-06T10:00:00Z", Metric.DELIVERIES, "", 7));
        assertThat(next.active()).containsExactly(new Meter.Active(APP, clock.today(), "ann"));
    }

    @Test
    void an_active_user_written_today_is_not_queued_again_today_but_is_tomorrow() {
        meter.active(APP, "ann");
        meter.written(meter.drain());

        meter.active(APP, "ann");
        assertThat(meter.drain().active()).isEmpty();

        clock.move(Duration.ofDays(1));
        meter.active(APP, "ann");
        assertThat(meter.drain().active()).containsExactly(new Meter.Active(APP, clock.today(), "ann"));
    }

    @Test
    void each_minute_keeps_the_most_connections_open_in_it_and_open_ones_count_in_every_minute() {
        meter.connected(APP);
        meter.connected(APP);
        meter.connected(APP);
        meter.disconnected(APP);
        Instant first = Instant.parse("2026-12-06T10:15:00Z");
        assertThat(meter.drain().minutes()).containsEntry(new Meter.Minute(APP, first), 3);

        clock.move(Duration.ofMinutes(1));
        Meter.Drained later = meter.drain();
        assertThat(later.minutes()).as("the previous minute is given again, and the two still open count now")
                .containsEntry(new Meter.Minute(APP, first), 3)
                .containsEntry(new Meter.Minute(APP, first.plusSeconds(60)), 2);

        clock.move(Duration.ofMinutes(2));
        meter.disconnected(APP);
        meter.disconnected(APP);
        meter.disconnected(APP);
        assertThat(meter.open(APP)).isZero();
        meter.drain();
        assertThat(meter.drain().minutes()).as("minutes older than the last one are given one last time, then forgotten")
                .isEmpty();
    }

    @Test
    void counting_from_many_threads_while_draining_loses_nothing() throws Exception {
        AtomicBoolean counting = new AtomicBoolean(true);
        AtomicLong drained = new AtomicLong();
        int threads = 4;
        int each = 200_000;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads + 1)) {
            Future<?> drainer = pool.submit(() -> {
                while (counting.get()) {
                    meter.drain().counts().values().forEach(drained::addAndGet);
                }
            });
            List<Future<?>> counters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counters.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        meter.add(APP, Metric.MESSAGES_GROUP, 1);
                    }
                }));
            }
            for (Future<?> counter : counters) {
                counter.get();
            }
            counting.set(false);
            drainer.get();
        }
        meter.drain().counts().values().forEach(drained::addAndGet);

        assertThat(drained.get()).isEqualTo((long) threads * each);
    }

    private static java.util.Map.Entry<Meter.Counted, Long> entry(String hour, Metric metric, String dimension, long value) {
        return java.util.Map.entry(new Meter.Counted(APP, Instant.parse(hour), metric, dimension), value);
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        java.time.LocalDate today() {
            return java.time.LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
