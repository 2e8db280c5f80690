package io.linnet.console.analytics;

import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What became of a range's notifications, stage by stage (targeted, sent, delivered, opened), each
 * split by provider from the report's parts, and the failures by provider and reason. A stage whose
 * parts do not add up to its total (opens are not always told per provider) keeps the rest as
 * "Other", so every stage still adds up.
 *
 * @param providers the providers in the parts, APNs, FCM and Web Push first, then "Other" if needed
 */
record PushFunnel(List<String> providers, List<Stage> stages, List<Failure> failures) {

    /** The metrics a funnel is made from. */
    static final List<Metric> METRICS = List.of(Metric.PUSH_TARGETED, Metric.PUSH_SENT, Metric.PUSH_DELIVERED,
            Metric.PUSH_OPENED, Metric.PUSH_FAILED);
    static final String OTHER = "";
    private static final List<String> KNOWN = List.of("apns", "fcm", "webpush");

    enum Step {
        TARGETED("Targeted", Metric.PUSH_TARGETED),
        SENT("Sent", Metric.PUSH_SENT),
        DELIVERED("Delivered", Metric.PUSH_DELIVERED),
        OPENED("Opened", Metric.PUSH_OPENED);

        final String label;
        final Metric metric;

        Step(String label, Metric metric) {
            this.label = label;
            this.metric = metric;
        }
    }

    /** One stage: its total and what each provider (in {@link #providers}' order) had of it. */
    record Stage(Step step, long total, List<Long> byProvider) {
    }

    record Failure(String provider, String reason, long count) {
    }

    PushFunnel {
        providers = List.copyOf(providers);
        stages = List.copyOf(stages);
        failures = List.copyOf(failures);
    }

    static PushFunnel of(UsageReport report) {
        Set<String> named = new LinkedHashSet<>();
        for (Step step : Step.values()) {
            named.addAll(parts(report, step.metric).keySet());
        }
        List<Failure> failures = new ArrayList<>();
        parts(report, Metric.PUSH_FAILED).forEach((key, count) -> {
            int slash = key.indexOf('/');
            String provider = slash < 0 ? key : key.substring(0, slash);
            failures.add(new Failure(provider, slash < 0 ? "unknown" : key.substring(slash + 1), count));
            named.add(provider);
        });
        failures.sort(Comparator.comparingLong(Failure::count).reversed()
                .thenComparing(Failure::provider).thenComparing(Failure::reason));
        List<String> providers = new ArrayList<>(named);
        providers.sort(Comparator.comparingInt((String provider) -> KNOWN.contains(provider) ? KNOWN.indexOf(provider) : KNOWN.size())
                .thenComparing(Comparator.naturalOrder()));
        boolean unsplit = false;
        for (Step step : Step.values()) {
            long split = parts(report, step.metric).values().stream().mapToLong(Long::longValue).sum();
            unsplit |= total(report, step.metric) > split;
        }
        if (unsplit) {
            providers.add(OTHER);
        }
        List<Stage> stages = new ArrayList<>();
        for (Step step : Step.values()) {
            Map<String, Long> parts = parts(report, step.metric);
            long total = total(report, step.metric);
            long split = parts.values().stream().mapToLong(Long::longValue).sum();
            List<Long> byProvider = providers.stream()
                    .map(provider -> provider.equals(OTHER) ? Math.max(0, total - split) : parts.getOrDefault(provider, 0L))
                    .toList();
            stages.add(new Stage(step, total, byProvider));
        }
        return new PushFunnel(providers, stages, failures);
    }

    boolean empty() {
        return stages.stream().allMatch(stage -> stage.total() == 0) && failures.isEmpty();
    }

    Stage stage(Step step) {
        return stages.get(step.ordinal());
    }

    /** Failures of {@code provider}, all reasons together. */
    long failed(String provider) {
        return failures.stream().filter(failure -> failure.provider().equals(provider)).mapToLong(Failure::count).sum();
    }

    /** A stage's share of the one before it, e.g. "96.4% of sent"; empty for the first stage or when the one before had none. */
    Optional<String> share(Step step) {
        if (step.ordinal() == 0) {
            return Optional.empty();
        }
        Stage before = stages.get(step.ordinal() - 1);
        return percent(stage(step).total(), before.total())
                .map(share -> share + " of " + before.step().label.toLowerCase(Locale.ROOT));
    }

    /** {@code part} of {@code whole} in percent, to a tenth, never rounded up to 100% (empty when {@code whole} is 0). */
    static Optional<String> percent(long part, long whole) {
        if (whole <= 0) {
            return Optional.empty();
        }
        double tenths = Math.floor(1000.0 * part / whole) / 10;
        String text = tenths == Math.floor(tenths) ? String.valueOf((long) tenths) : String.format(Locale.ROOT, "%.1f", tenths);
        return Optional.of(text + "%");
    }

    /** How the console names a provider. */
    static String providerName(String provider) {
        return switch (provider) {
            case "apns" -> "APNs";
            case "fcm" -> "FCM";
            case "webpush" -> "Web Push";
            case OTHER -> "Other";
            default -> provider;
        };
    }

    private static Map<String, Long> parts(UsageReport report, Metric metric) {
        return report.series(metric).map(UsageReport.Series::parts).orElse(Map.of());
    }

    private static long total(UsageReport report, Metric metric) {
        return report.series(metric).map(UsageReport.Series::total).orElse(0L);
    }
}
