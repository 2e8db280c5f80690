package io.linnet.console.analytics;

import io.linnet.analytics.Granularity;
import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageReport;
import io.linnet.console.component.BarsChart;
import io.linnet.console.component.ChartCard;
import io.linnet.console.component.TimeChart;
import io.linnet.console.component.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The analytics page's charts, made from a usage report: what each chart shows, how it is drawn, its
 * legend, its table and its CSV. Plain objects from plain data, so they are tested without a browser.
 */
final class UsageCharts {

    /** A series of a chart: the metric and its name in the legend. */
    record Plotted(Metric metric, String label) {
    }

    /** A chart over time of some metrics, and what it says when they are all zero. */
    record Plot(String id, String title, String description, String valueAxis, TimeChart.Style style,
                List<Plotted> series, String emptyTitle, String emptyHint) {

        List<Metric> metrics() {
            return series.stream().map(Plotted::metric).toList();
        }
    }

    static final Plot MESSAGES = new Plot("chart-messages", "Messages", "Messages stored, in direct conversations and in groups.",
            "messages", TimeChart.Style.BARS,
            List.of(new Plotted(Metric.MESSAGES_DIRECT, "Direct"), new Plotted(Metric.MESSAGES_GROUP, "Group")),
            "No messages in this range", "Messages sent over the API or the WebSocket are counted here.");
    static final Plot ACTIVE_USERS = new Plot("chart-active-users", "Active users",
            "End users who connected or sent a message, per day. The legend counts each user once over the whole range.",
            "users", TimeChart.Style.BARS, List.of(new Plotted(Metric.ACTIVE_USERS, "Active users")),
            "No active users in this range", "Users count as active on a day they connect to the WebSocket or send a message.");
    static final Plot PEAK_CONNECTIONS = new Plot("chart-peak-connections", "Peak connections",
            "The most WebSocket connections open at once, over all server nodes.", "connections", TimeChart.Style.LINES,
            List.of(new Plotted(Metric.PEAK_CONNECTIONS, "Peak connections")),
            "No connections in this range", "Client apps connect to the real-time gateway with a user token.");
    static final Plot DELIVERIES = new Plot("chart-deliveries", "Deliveries",
            "Messages written to connected devices, the sender's other devices included.", "deliveries", TimeChart.Style.BARS,
            List.of(new Plotted(Metric.DELIVERIES, "Deliveries")),
            "No deliveries in this range", "A message counts once for each connected device it reaches.");
    static final Plot API = new Plot("chart-api", "API calls and errors",
            "Developer API calls made with the app keys, and those answered with an error.", "calls", TimeChart.Style.LINES,
            List.of(new Plotted(Metric.API_CALLS, "Calls"), new Plotted(Metric.API_CLIENT_ERRORS, "Client errors (4xx)"),
                    new Plotted(Metric.API_SERVER_ERRORS, "Server errors (5xx)")),
            "No API calls in this range", "Calls your backend makes with an app key's access token are counted here.");
    static final Plot MODERATION = new Plot("chart-moderation", "Moderation outcomes",
            "Messages the rules blocked, masked or flagged, and the messages users reported.", "messages",
            TimeChart.Style.BARS,
            List.of(new Plotted(Metric.MODERATION_BLOCKED, "Blocked"), new Plotted(Metric.MODERATION_MASKED, "Masked"),
                    new Plotted(Metric.MODERATION_FLAGGED, "Flagged"), new Plotted(Metric.MODERATION_REPORTED, "Reported")),
            "Nothing moderated in this range", "Messages the moderation rules act on, and user reports, are counted here.");

    /** The charts over time at the range's granularity, in page order (active users come from the daily report). */
    static final List<Plot> PLOTS = List.of(MESSAGES, ACTIVE_USERS, PEAK_CONNECTIONS, DELIVERIES, API, MODERATION);

    private UsageCharts() {
    }

    /** The metrics to ask for at {@code granularity}: every chart's but active users, which are asked per day. */
    static List<Metric> metrics() {
        return Stream.concat(PLOTS.stream().filter(plot -> plot != ACTIVE_USERS).flatMap(plot -> plot.metrics().stream()),
                Stream.concat(PushFunnel.METRICS.stream(), Stream.of(Metric.PUSH_DEAD_TOKENS))).distinct().toList();
    }

    /**
     * Every chart of the page.
     *
     * @param report     the range's report at its granularity, with {@link #metrics()}
     * @param daily      the same days per day, with active users
     * @param rangeText  the range in words, for the charts' accessible labels
     * @param fileName   the start of the CSV files' names, e.g. "chat-prod"; each chart adds its own and the range
     */
    static List<ChartCard> all(UsageReport report, UsageReport daily, String rangeText, String fileName, String fileSuffix) {
        List<ChartCard> cards = new ArrayList<>();
        for (Plot plot : PLOTS) {
            UsageReport source = plot == ACTIVE_USERS ? daily : report;
            cards.add(card(plot, source, rangeText, fileName + "-" + plot.id().substring("chart-".length()) + "-" + fileSuffix + ".csv"));
            if (plot == DELIVERIES) {
                PushFunnel funnel = PushFunnel.of(report);
                cards.add(funnel(funnel, report, rangeText, fileName + "-push-" + fileSuffix + ".csv"));
                cards.add(failures(funnel, report, rangeText, fileName + "-push-failures-" + fileSuffix + ".csv"));
            }
        }
        return cards;
    }

    static ChartCard card(Plot plot, UsageReport report, String rangeText, String fileName) {
        List<UsageReport.Series> series = plot.metrics().stream().map(metric -> report.series(metric).orElseThrow()).toList();
        boolean hourly = report.granularity() == Granularity.HOUR;
        List<Instant> starts = series.getFirst().points().stream().map(UsageReport.Point::start).toList();
        List<ChartCard.Legend> legend = new ArrayList<>();
        List<TimeChart.Series> lines = new ArrayList<>();
        StringBuilder label = new StringBuilder(plot.title()).append(hourly ? " per hour, " : " per day, ")
                .append(rangeText).append(':');
        for (int i = 0; i < series.size(); i++) {
            UsageReport.Series one = series.get(i);
            String name = plot.series().get(i).label();
            legend.add(new ChartCard.Legend(name, total(one)));
            lines.add(new TimeChart.Series(name, one.points().stream().map(UsageReport.Point::value).toList()));
            label.append(i == 0 ? " " : ", ").append(name).append(' ').append(total(one));
        }
        ChartCard card = new ChartCard(plot.id(), plot.title(), plot.description()).legend(legend);
        if (series.stream().allMatch(one -> one.points().stream().allMatch(point -> point.value() == 0))) {
            card.empty(plot.emptyTitle(), plot.emptyHint());
        } else {
            card.chart(TimeChart.svg(plot.title(), label.toString(), plot.valueAxis(), starts, hourly, lines, plot.style()));
        }
        List<String> headers = new ArrayList<>();
        headers.add(hourly ? "Hour (UTC)" : "Day (UTC)");
        plot.series().forEach(plotted -> headers.add(plotted.label()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(start(starts.get(i), hourly));
            for (UsageReport.Series one : series) {
                row.add(count(one.points().get(i).value()));
            }
            rows.add(row);
        }
        List<String> totals = new ArrayList<>();
        totals.add("Whole range");
        series.forEach(one -> totals.add(total(one)));
        return card.numbers(new ChartCard.Numbers(headers, rows, totals)).download(fileName, () -> UsageReport.csv(series));
    }

    /** Targeted, sent, delivered and opened, each bar split by provider. */
    static ChartCard funnel(PushFunnel funnel, UsageReport report, String rangeText, String fileName) {
        List<String> providers = funnel.providers().stream().map(PushFunnel::providerName).toList();
        ChartCard card = new ChartCard("chart-push", "Push funnel",
                "Notifications addressed to devices, handed to a provider, accepted by it and opened, by provider. "
                        + "Each stage's share is of the stage before.");
        List<ChartCard.Legend> legend = new ArrayList<>();
        for (int p = 0; p < providers.size(); p++) {
            int index = p;
            legend.add(new ChartCard.Legend(providers.get(p), count(funnel.stage(PushFunnel.Step.TARGETED).byProvider().get(index))
                    + " targeted"));
        }
        card.legend(legend);
        if (funnel.empty()) {
            card.empty("No pushes in this range", "Pushes sent with the developer API, offline chat notifications and test "
                    + "pushes from the console are counted here by provider.");
        } else {
            List<BarsChart.Bar> bars = funnel.stages().stream()
                    .map(stage -> new BarsChart.Bar(stage.step().label, stage.byProvider(), funnel.share(stage.step()).orElse("")))
                    .toList();
            StringBuilder label = new StringBuilder("Push funnel, ").append(rangeText).append(':');
            funnel.stages().forEach(stage -> label.append(stage.step() == PushFunnel.Step.TARGETED ? " " : ", ")
                    .append(count(stage.total())).append(' ').append(stage.step().label.toLowerCase(Locale.ROOT)));
            card.chart(BarsChart.svg("Push funnel", label.toString(), providers, bars));
        }
        List<String> headers = List.of("Provider", "Targeted", "Sent", "Delivered", "Opened", "Failed");
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < funnel.providers().size(); p++) {
            List<String> row = new ArrayList<>();
            row.add(providers.get(p));
            for (PushFunnel.Stage stage : funnel.stages()) {
                row.add(count(stage.byProvider().get(p)));
            }
            row.add(count(funnel.failed(funnel.providers().get(p))));
            rows.add(row);
        }
        List<String> totals = new ArrayList<>();
        totals.add("All providers");
        funnel.stages().forEach(stage -> totals.add(count(stage.total())));
        totals.add(count(report.series(Metric.PUSH_FAILED).map(UsageReport.Series::total).orElse(0L)));
        List<UsageReport.Series> series = PushFunnel.METRICS.stream().map(metric -> report.series(metric).orElseThrow()).toList();
        return card.numbers(new ChartCard.Numbers(headers, rows, totals)).download(fileName, () -> UsageReport.csv(series));
    }

    /** Notifications that failed for good, by provider and the reason it gave (or Linnet's). */
    static ChartCard failures(PushFunnel funnel, UsageReport report, String rangeText, String fileName) {
        long failed = funnel.failures().stream().mapToLong(PushFunnel.Failure::count).sum();
        long dead = report.series(Metric.PUSH_DEAD_TOKENS).map(UsageReport.Series::total).orElse(0L);
        ChartCard card = new ChartCard("chart-push-failures", "Push failures",
                "Notifications that failed for good, by provider and reason, and the devices removed because their token died.")
                .legend(List.of(new ChartCard.Legend("Failed", count(failed)), new ChartCard.Legend("Dead tokens removed", count(dead))));
        if (funnel.failures().isEmpty()) {
            card.empty("No failed pushes in this range", "A notification a provider refuses for good is counted here with "
                    + "the provider's reason, such as Unregistered or BadDeviceToken.");
        } else {
            List<BarsChart.Bar> bars = funnel.failures().stream()
                    .map(failure -> new BarsChart.Bar(PushFunnel.providerName(failure.provider()) + " · " + failure.reason(),
                            List.of(failure.count()), PushFunnel.percent(failure.count(), failed).orElse("")))
                    .toList();
            card.chart(BarsChart.svg("Push failures by reason", "Push failures by reason, " + rangeText + ": "
                    + count(failed) + " in all", List.of("Failed"), bars));
        }
        List<List<String>> rows = funnel.failures().stream()
                .map(failure -> List.of(PushFunnel.providerName(failure.provider()), failure.reason(), count(failure.count())))
                .toList();
        List<UsageReport.Series> series = Stream.of(Metric.PUSH_FAILED, Metric.PUSH_DEAD_TOKENS)
                .map(metric -> report.series(metric).orElseThrow()).toList();
        return card.numbers(new ChartCard.Numbers(List.of("Provider", "Reason", "Failed"), rows, List.of("All", "", count(failed))))
                .download(fileName, () -> UsageReport.csv(series));
    }

    /** A series' total as the legend says it: a sum, the highest point, or distinct users. */
    static String total(UsageReport.Series series) {
        return switch (series.metric().kind()) {
            case SUM -> count(series.total());
            case PEAK -> "highest " + count(series.total());
            case DISTINCT -> count(series.total()) + " distinct";
        };
    }

    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    private static String start(Instant start, boolean hourly) {
        String text = Times.format(start);
        return hourly ? text : text.substring(0, 10);
    }
}
