package io.linnet.bench.moderation;

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
 * {@link Trie} with the same 10,000 keywords, on the same texts folded beforehand (lower case,
 * letters and digits only), so that its figure leaves out the folding and the way back to the
 * original offsets that {@link MatcherBenchmark} pays for. Run with {@code bench/run matcher AhoCorasickLibrary}.
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
    private String[] folded;
    private int[] bytes;
    private int next;

    @Setup
    public void setUp() {
        trie = Trie.builder().addKeywords(MatcherWorkload.keywords(keywords)).build();
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
}
