package io.linnet.bench.chat;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Locale;

/**
 * A latency distribution recorded from many threads at once (HdrHistogram's wait-free
 * {@link Recorder}), in microseconds from 1 µs to 10 minutes at three significant digits.
 */
final class Latency {

    private static final long MAX_MICROS = 600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private Histogram total = new Histogram(MAX_MICROS, 3);

    void recordNanos(long nanos) {
        recorder.recordValue(Math.clamp(nanos / 1_000, 1, MAX_MICROS));
    }

    /** Forgets everything recorded so far (the warm-up). */
    synchronized void reset() {
        recorder.reset();
        total = new Histogram(MAX_MICROS, 3);
    }

    /** Everything recorded since the last {@link #reset()}. */
    synchronized Summary summary() {
        total.add(recorder.getIntervalHistogram());
        return Summary.of(total);
    }

    /** Percentiles of a distribution, in milliseconds. */
    record Summary(long count, double p50, double p95, double p99, double p999, double max) {

        static Summary of(Histogram histogram) {
            return new Summary(histogram.getTotalCount(),
                    millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(95)),
                    millis(histogram.getValueAtPercentile(99)), millis(histogram.getValueAtPercentile(99.9)),
                    millis(histogram.getMaxValue()));
        }

        /** Exact percentiles of a few values (nearest rank), for distributions too small to histogram. */
        static Summary ofNanos(long[] values) {
            long[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            return new Summary(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), rank(sorted, 99.9),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        static double rank(long[] sorted, double percentile) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
        }

        private static double millis(long micros) {
            return micros / 1000.0;
        }

        /** {@code p50 / p95 / p99 / p99.9 / max} in ms. */
        String cells() {
            return String.format(Locale.ROOT, "%s | %s | %s | %s | %s", ms(p50), ms(p95), ms(p99), ms(p999), ms(max));
        }

        static String ms(double millis) {
            return millis >= 100 ? String.format(Locale.ROOT, "%,.0f", millis) : String.format(Locale.ROOT, "%.2f", millis);
        }
    }
}
