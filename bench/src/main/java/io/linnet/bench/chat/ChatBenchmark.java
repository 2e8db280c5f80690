package io.linnet.bench.chat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chat benchmark of issue 3: WebSocket clients of our own (Netty, in this process) against a
 * running server, in the scenarios of {@link Options#ALL}, with the results printed as Markdown.
 * bench/chat/run starts the server, PostgreSQL and Redis and calls this; see docs/benchmarks.md.
 *
 * <ul>
 *   <li>{@code direct}: pairs of clients in direct conversations at set total rates ({@link DirectChat#atRate}).</li>
 *   <li>{@code max}: the same clients unthrottled, a bounded number of sends in flight each ({@link DirectChat#unthrottled}).</li>
 *   <li>{@code ceiling}: single-row INSERT commits/s into a copy of the messages table ({@link InsertCeiling}).</li>
 *   <li>{@code group}: fan-out to a group with every member online ({@link GroupFanOut}).</li>
 *   <li>{@code idle}: thousands of idle connections and the server memory each costs ({@link IdleConnections}).</li>
 * </ul>
 */
public final class ChatBenchmark {

    private ChatBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        String api = options.text("api");
        int textBytes = options.number("text-bytes", 64);
        int ioThreads = options.number("io-threads", 2);
        Duration seconds = options.seconds("seconds", 20);
        Duration warmup = options.seconds("warmup", 10);
        ServerProbe probe = new ServerProbe(api, options.pid("server-pid"), options.pid("postgres-pid"), options.pid("redis-pid"),
                options.values().containsKey("profile-dir") ? java.nio.file.Path.of(options.text("profile-dir")) : null);
        Report report = new Report();
        report.add(machine(options));

        ChatSetup setup = ChatSetup.newTenant(api, options.text("operator"), options.text("operator-password"));
        List<DirectChat.Run> directRuns = new ArrayList<>();
        InsertCeiling.Result ceiling = null;
        boolean directDone = false;
        for (String scenario : options.scenarios()) {
            switch (scenario) {
                case "direct", "max" -> {
                    if (directDone) {
                        continue;
                    }
                    directDone = true;
                    directRuns.addAll(direct(options, setup, probe, report, textBytes, ioThreads, seconds, warmup));
                }
                case "ceiling" -> {
                    if (!options.values().containsKey("db-url")) {
                        report.add("### Insert ceiling\n\nnot measured: no --db-url");
                        continue;
                    }
                    int pool = options.number("pool-size", 20);
                    ceiling = new InsertCeiling(options.text("db-url"), options.text("db-user"), options.text("db-password", ""), probe)
                            .measure(pool, warmup, seconds, textBytes);
                    report.add("### Insert ceiling (same PostgreSQL, as many connections as the server's pool)\n\n" + ceiling.markdown()
                            + ratios(directRuns, ceiling));
                }
                case "group" -> {
                    try (ChatClients clients = new ChatClients(gateway(options, setup), ioThreads, Duration.ofSeconds(30));
                         GroupFanOut group = GroupFanOut.open(setup, clients, options.number("group-size", 1000),
                                 options.number("group-messages", 200), probe)) {
                        report.add("### One group, every member online\n\n"
                                + group.run(Duration.ofMillis(options.number("group-interval-ms", 100)), textBytes));
                    }
                }
                case "moderated" -> report.add(moderated(options, setup, probe, textBytes, ioThreads, seconds, warmup));
                case "idle" -> report.add("### Idle connections\n\n" + new IdleConnections(setup, probe, gateway(options, setup))
                        .run(options.number("idle-connections", 19_000), options.number("per-process", 9_500),
                                options.seconds("idle-hold", 70), ioThreads));
                default -> throw new IllegalStateException(scenario);
            }
        }
        report.printAll();
        System.exit(0);
    }

    /**
     * The unthrottled direct chat without moderation rules and with one rule of
     * {@code --keywords} keywords (10,000 by default), alternating, {@code --rounds} times each, so
     * that drift of a shared machine falls on both alike. Issue 5's target: at most 5% fewer
     * messages per second with the rules than without.
     */
    private static String moderated(Options options, ChatSetup setup, ServerProbe probe, int textBytes, int ioThreads,
                                    Duration seconds, Duration warmup) throws Exception {
        int clientCount = options.number("clients", 1000);
        int keywords = options.number("keywords", 10_000);
        int rounds = options.number("rounds", 2);
        List<DirectChat.Run> without = new ArrayList<>();
        List<DirectChat.Run> with = new ArrayList<>();
        try (ChatClients clients = new ChatClients(gateway(options, setup), ioThreads, Duration.ofSeconds(30));
             DirectChat chat = DirectChat.open(setup, clients, clientCount, textBytes, probe)) {
            chat.warmUp(options.seconds("jit-warmup", 30));
            for (int round = 1; round <= rounds; round++) {
                without.add(chat.unthrottled(1, warmup, seconds).named("no rules, round " + round));
                String rule = setup.keywordRule(keywords);
                with.add(chat.unthrottled(1, warmup, seconds).named(String.format(Locale.ROOT, "%,d keywords, round %d", keywords, round)));
                setup.deleteRule(rule);
            }
        }
        StringBuilder markdown = new StringBuilder(String.format(Locale.ROOT,
                "### Moderation on the send path: %,d clients in direct pairs, unthrottled, without rules and with %,d keywords%n%n",
                clientCount, keywords));
        markdown.append(DirectChat.TABLE_HEADER).append('\n');
        for (int i = 0; i < without.size(); i++) {
            markdown.append(without.get(i).row()).append('\n').append(with.get(i).row()).append('\n');
        }
        double plain = without.stream().mapToDouble(DirectChat.Run::ackedPerSecond).average().orElse(0);
        double moderated = with.stream().mapToDouble(DirectChat.Run::ackedPerSecond).average().orElse(0);
        markdown.append(String.format(Locale.ROOT, "%n- mean acked messages/s: %,.0f without rules, %,.0f with %,d keywords: "
                + "%.1f%% of the rate without rules (target: at least 95%%)%n", plain, moderated, keywords, 100 * moderated / plain));
        return markdown.toString().stripTrailing();
    }

    private static List<DirectChat.Run> direct(Options options, ChatSetup setup, ServerProbe probe, Report report, int textBytes,
                                               int ioThreads, Duration seconds, Duration warmup) throws Exception {
        List<DirectChat.Run> runs = new ArrayList<>();
        String warmUp;
        int clientCount = options.number("clients", 1000);
        try (ChatClients clients = new ChatClients(gateway(options, setup), ioThreads, Duration.ofSeconds(30));
             DirectChat chat = DirectChat.open(setup, clients, clientCount, textBytes, probe)) {
            warmUp = chat.warmUp(options.seconds("jit-warmup", 30));
            if (options.values().containsKey("db-url")) {
                analyze(options);
            }
            if (options.scenarios().contains("direct")) {
                for (int rate : options.numbers("rates", "1000,1500,3000")) {
                    runs.add(chat.atRate(rate, warmup, seconds));
                }
            }
            if (options.scenarios().contains("max")) {
                runs.add(chat.unthrottled(options.number("window", 1), warmup, seconds));
            }
        }
        StringBuilder markdown = new StringBuilder(String.format(Locale.ROOT,
                "### Direct conversations: %,d clients in %,d pairs, %d s measured after %d s of warm-up, %d-character texts%n%n",
                clientCount, clientCount / 2, seconds.toSeconds(), warmup.toSeconds(), textBytes));
        markdown.append(DirectChat.TABLE_HEADER).append('\n');
        runs.forEach(run -> markdown.append(run.row()).append('\n'));
        markdown.append('\n');
        markdown.append("- ").append(warmUp).append('\n');
        for (DirectChat.Run run : runs) {
            markdown.append(String.format(Locale.ROOT, "- %s: %s; %s; server memory after: %s%n",
                    run.mode(), run.cpu(), run.problems(), run.memory().describe()));
        }
        report.add(markdown.toString().stripTrailing());
        return runs;
    }

    /**
     * Lets PostgreSQL see how big the messaging tables have grown. A fresh database has no
     * statistics on them until autovacuum's first analyze, and until then plans chosen for an empty
     * table make batched sends slow (seen: a third of the throughput); a production database has
     * them, so the measured runs start from there.
     */
    private static void analyze(Options options) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(options.text("db-url"), options.text("db-user"),
                options.text("db-password", "")); var statement = connection.createStatement()) {
            statement.execute("analyze messages, conversations, conversation_members");
        }
        Report.progress("direct: analyzed the messaging tables");
    }

    private static String ratios(List<DirectChat.Run> runs, InsertCeiling.Result ceiling) {
        StringBuilder lines = new StringBuilder();
        for (DirectChat.Run run : runs) {
            double delivered = run.window().delivered() / (run.measured().toNanos() / 1e9);
            double acked = run.window().acked() / (run.measured().toNanos() / 1e9);
            lines.append(String.format(Locale.ROOT, "%n- %s: %,.0f stored (acked)/s = **%.0f %%** of the ceiling, %,.0f delivered/s = %.0f %%",
                    run.mode(), acked, 100 * acked / ceiling.commitsPerSecond(), delivered, 100 * delivered / ceiling.commitsPerSecond()));
        }
        return lines.toString();
    }

    /** Where the clients connect: {@code --gateway}, else what the token answers said, else port 8081 of the API's host. */
    private static URI gateway(Options options, ChatSetup setup) {
        if (options.values().containsKey("gateway")) {
            return URI.create(options.text("gateway"));
        }
        return setup.websocketUrl().map(URI::create)
                .orElseGet(() -> URI.create("ws://" + URI.create(options.text("api")).getHost() + ":8081/v1/ws"));
    }

    private static String machine(Options options) throws Exception {
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(0L);
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElse("?");
        return String.format(Locale.ROOT, "## Chat benchmark, %s%n%n- machine: %d cores (%s), %.0f GiB RAM, JDK %s, load generator in the same box%n- command: `%s`",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1048576.0,
                Runtime.version(), options.text("command", "ChatBenchmark " + String.join(" ", options.scenarios())).strip());
    }
}
