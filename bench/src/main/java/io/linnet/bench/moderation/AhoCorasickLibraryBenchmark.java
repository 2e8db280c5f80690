package io.linnet.bench.moderation;

import io.linnet.messaging.ConversationType;
import io.linnet.moderation.rule.RuleSet;
import io.linnet.moderation.Verdict;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Why the matcher has an Aho-Corasick automaton of its own: the {@code org.ahocorasick} library's
 * {@link Trie} and {@link RuleSet} with the same 10,000 keywords, both on the texts folded
 * beforehand (lower case, letters and digits only), so that the library's figure leaves out the
 * folding and the way back to the original offsets. The rule set still folds (cheaply: every char
 * is already plain), checks word boundaries and builds a verdict, so the comparison favours the
 * library. Run with {@code bench/run matcher AhoCorasickLibrary}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AhoCorasickLibraryBenchmark {

    @Param({"10000"})
    public int keywords;

    @Param({"short", "long"})
    public String texts;

    private Trie trie;
    private RuleSet rules;
    private String[] folded;
    private int[] bytes;
    private int next;

    @Setup
    public void setUp() {
        trie = Trie.builder().addKeywords(MatcherWorkload.keywords(keywords)).build();
        rules = MatcherWorkload.rules(keywords);
        List<String> corpus = MatcherBenchmark.corpus(texts);
        folded = new String[corpus.size()];
        bytes = new int[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            StringBuilder letters = new StringBuilder();
            corpus.get(i).toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
            folded[i] = letters.toString();
            bytes[i] = MatcherWorkload.utf8Length(corpus.get(i));
        }
    }

    @Benchmark
    public Collection<Emit> parseText(MatcherBenchmark.Bytes counter) {
        int i = next++ & (MatcherBenchmark.TEXTS - 1);
        counter.bytes += bytes[i];
        return trie.parseText(folded[i]);
    }

    @Benchmark
    public Verdict ruleSetOnTheSameText(MatcherBenchmark.Bytes counter) {
        int i = next++ & (MatcherBenchmark.TEXTS - 1);
        counter.bytes += bytes[i];
        return rules.check(folded[i], ConversationType.GROUP);
    }
}
