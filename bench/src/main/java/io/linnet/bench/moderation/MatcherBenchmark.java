package io.linnet.bench.moderation;

import io.linnet.messaging.ConversationType;
import io.linnet.moderation.rule.RuleSet;
import io.linnet.moderation.Verdict;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How fast the moderation matcher checks chat text: {@link RuleSet#check} with 10,000 keywords,
 * against the same texts with 100 keywords and with no rules at all (the floor: what a check costs
 * an app without rules), on short messages (about 40 chars) and on texts of about 1 KB. Throughput
 * in checks/s and, through the {@code bytes} counter, in UTF-8 bytes of text per second.
 *
 * <p>{@link #main} runs it with modest defaults (one fork, 2 warm-up and 3 measured iterations of
 * 2 s; any JMH option given overrides them, a benchmark pattern replaces it, e.g.
 * {@code AhoCorasickLibrary} for {@link AhoCorasickLibraryBenchmark}) and prints MB/s;
 * {@code bench/run matcher} builds and calls it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatcherBenchmark {

    static final int TEXTS = 512;

    @Param({"0", "100", "10000"})
    public int keywords;

    @Param({"short", "long"})
    public String texts;

    private RuleSet rules;
    private String[] corpus;
    private int[] bytes;
    private int next;

    /** Counts the UTF-8 bytes checked; JMH reports it per second beside the checks. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        rules = MatcherWorkload.rules(keywords);
        corpus = corpus(texts).toArray(String[]::new);
        bytes = new int[corpus.length];
        for (int i = 0; i < corpus.length; i++) {
            bytes[i] = MatcherWorkload.utf8Length(corpus[i]);
        }
    }

    static List<String> corpus(String kind) {
        return switch (kind) {
            case "short" -> MatcherWorkload.texts(TEXTS, 40, 0);
            case "long" -> MatcherWorkload.texts(TEXTS, 0, 1024);
            default -> throw new IllegalArgumentException("texts must be short or long: " + kind);
        };
    }

    @Benchmark
    public Verdict check(Bytes counter) {
        int i = next++ & (TEXTS - 1);
        counter.bytes += bytes[i];
        return rules.check(corpus[i], ConversationType.GROUP);
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions given = new CommandLineOptions(args);
        if (given.shouldHelp() || given.shouldList() || given.shouldListWithParams() || given.shouldListProfilers()
                || given.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(MatcherBenchmark.class.getName() + ".check");
        }
        if (!given.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!given.getWarmupIterations().hasValue()) {
            options.warmupIterations(2);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(3);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(2));
        }
        if (!given.getJvmArgs().hasValue()) {
            options.jvmArgs("-Xms1g", "-Xmx1g");
        }
        printHitRates();
        printFootprints();
        summarize(new Runner(options.build()).run());
    }

    /** How many of the texts the rules hit, so the figures can be read against it. */
    private static void printHitRates() {
        for (String kind : List.of("short", "long")) {
            List<String> texts = corpus(kind);
            for (int count : new int[] {100, 10_000}) {
                RuleSet rules = MatcherWorkload.rules(count);
                long hit = texts.stream().filter(text -> !rules.check(text, ConversationType.GROUP).clean()).count();
                System.out.printf(Locale.ROOT, "%s texts, %,d keywords: %d of %d texts hit%n", kind, count, hit, texts.size());
            }
        }
    }

    /**
     * The heap a compiled set holds, against the library's trie of the same keywords: the heap in
     * use after a full collection, before and after building (approximate, but the JVM's own count).
     */
    private static void printFootprints() {
        for (int count : new int[] {10_000, 50_000}) {
            List<String> keywords = MatcherWorkload.keywords(count);
            long before = heapAfterGc();
            RuleSet rules = MatcherWorkload.rules(count);
            long ruleSet = heapAfterGc() - before;
            Trie trie = Trie.builder().addKeywords(keywords).build();
            long library = heapAfterGc() - before - ruleSet;
            System.out.printf(Locale.ROOT, "%,d keywords: the compiled RuleSet holds %.1f MB, the org.ahocorasick Trie %.1f MB%n",
                    rules.keywordCount(), ruleSet / 1e6, trie.parseText("").size() + library / 1e6);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void summarize(Collection<RunResult> results) {
        Map<String, Double> hundredKeywords = new HashMap<>();
        for (RunResult result : results) {
            if (isMatcher(result) && "100".equals(result.getParams().getParam("keywords"))) {
                hundredKeywords.put(result.getParams().getParam("texts"), bytesPerSecond(result));
            }
        }
        System.out.println();
        System.out.println("| benchmark | texts | keywords | checks/s | MB/s (UTF-8, 10^6 bytes) | MB/s vs 100 keywords |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (RunResult result : results) {
            String texts = result.getParams().getParam("texts");
            double bytesPerSecond = bytesPerSecond(result);
            boolean hasRules = !"0".equals(result.getParams().getParam("keywords"));
            Double base = isMatcher(result) && hasRules ? hundredKeywords.get(texts) : null;
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %,.1f | %s |%n", result.getParams().getBenchmark()
                            .replace(MatcherBenchmark.class.getPackageName() + ".", ""), texts,
                    Integer.parseInt(result.getParams().getParam("keywords")), result.getPrimaryResult().getScore(),
                    bytesPerSecond / 1e6, base == null ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * bytesPerSecond / base));
        }
    }

    private static boolean isMatcher(RunResult result) {
        return result.getParams().getBenchmark().startsWith(MatcherBenchmark.class.getName() + ".");
    }

    private static double bytesPerSecond(RunResult result) {
        Result<?> bytes = result.getSecondaryResults().get("bytes");
        return bytes == null ? Double.NaN : bytes.getScore();
    }
}
