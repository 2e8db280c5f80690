package io.linnet.moderation.rule;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over UTF-16 chars: finds every occurrence of every keyword, overlaps
 * included, in one pass over a text, whatever the number of keywords.
 *
 * <p>Kept compact for tens of thousands of keywords over an alphabet as large as Chinese: a bit set
 * of the chars that occur in any keyword sends every other char straight back to the root without
 * a lookup, which is most chars of most messages; the root's edges are an array indexed by a char's
 * rank in that set; all other edges live in one open-addressing table of longs, each slot holding
 * (state, char) and the target, so that a lookup touches one cache line. Immutable once built;
 * safe to share between threads.
 */
final class KeywordAutomaton {

    /** Receives the matches of a scan. */
    interface Matches {
        /** Keyword {@code keyword} (its index in the list built from) ends just before folded char {@code end}. */
        void found(int keyword, int end);
    }

    /** Edge slots hold the target in their low 24 bits, so a trie has fewer states than this. */
    static final int MAX_STATES = 1 << 24;
    private static final int TARGET_BITS = 24;
    private static final long TARGET_MASK = (1L << TARGET_BITS) - 1;

    private final long[] alphabet;
    private final int[] alphabetRanks;
    private final int[] rootEdges;
    private final long[] edges;
    private final int edgeShift;
    private final int[] fail;
    private final int[] keywordAt;
    private final int[] nextMatch;
    private final int[] keywordLengths;

    private KeywordAutomaton(Builder builder) {
        this.alphabet = builder.alphabet;
        this.alphabetRanks = new int[alphabet.length];
        int rank = 0;
        for (int word = 0; word < alphabet.length; word++) {
            alphabetRanks[word] = rank;
            rank += Long.bitCount(alphabet[word]);
        }
        this.rootEdges = new int[rank];
        for (int child = builder.firstChild[0]; child != 0; child = builder.nextSibling[child]) {
            rootEdges[rank(builder.label[child])] = child;
        }
        this.edges = builder.edges;
        this.edgeShift = builder.edgeShift;
        this.fail = Arrays.copyOf(builder.fail, builder.states);
        this.keywordAt = Arrays.copyOf(builder.keywordAt, builder.states);
        this.nextMatch = Arrays.copyOf(builder.nextMatch, builder.states);
        this.keywordLengths = builder.keywordLengths;
    }

    /** Builds the automaton of distinct, non-empty keywords of {@link #MAX_STATES} chars at most together. */
    static KeywordAutomaton of(List<String> keywords) {
        Builder builder = new Builder(keywords);
        builder.linkFailures();
        return new KeywordAutomaton(builder);
    }

    int keywordLength(int keyword) {
        return keywordLengths[keyword];
    }

    void scan(char[] text, int length, Matches matches) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if ((alphabet[c >>> 6] & (1L << c)) == 0) {
                state = 0;
                continue;
            }
            state = step(state, c);
            for (int s = keywordAt[state] >= 0 ? state : nextMatch[state]; s > 0; s = nextMatch[s]) {
                matches.found(keywordAt[s], i + 1);
            }
        }
    }

    /** The next state from {@code state} on {@code c}, a char of the alphabet. */
    private int step(int state, char c) {
        while (state != 0) {
            int next = find(edges, edgeShift, key(state, c));
            if (next != 0) {
                return next;
            }
            state = fail[state];
        }
        return rootEdges[rank(c)];
    }

    /** How many chars of the alphabet come before {@code c}. */
    private int rank(char c) {
        return alphabetRanks[c >>> 6] + Long.bitCount(alphabet[c >>> 6] & ((1L << c) - 1));
    }

    private static long key(int state, char c) {
        return ((long) state << 16) | c;
    }

    private static int slot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** The target of the edge with this key, or 0 (the root, which no edge in the table leads to). */
    private static int find(long[] edges, int shift, long key) {
        int mask = edges.length - 1;
        for (int slot = slot(key, shift); ; slot = (slot + 1) & mask) {
            long edge = edges[slot];
            if (edge == 0) {
                return 0;
            }
            if (edge >>> TARGET_BITS == key) {
                return (int) (edge & TARGET_MASK);
            }
        }
    }

    /** The trie, then its failure links; a trie has at most one state per keyword char, so nothing grows. */
    private static final class Builder {

        final long[] alphabet = new long[(Character.MAX_VALUE + 1) / 64];
        // the root's edges by char while building; the automaton keeps them by rank in the alphabet
        final int[] rootChildren = new int[Character.MAX_VALUE + 1];
        final int[] keywordLengths;
        final long[] edges;
        final int edgeShift;
        int states = 1;
        int[] fail;
        int[] keywordAt;
        int[] nextMatch;
        // the trie's children as linked lists, for the breadth-first walk that links failures
        int[] firstChild;
        int[] nextSibling;
        char[] label;

        Builder(List<String> keywords) {
            int capacity = 16;
            for (String keyword : keywords) {
                capacity += keyword.length();
            }
            if (capacity > MAX_STATES) {
                throw new IllegalArgumentException("keywords of " + capacity + " chars together; at most " + MAX_STATES);
            }
            fail = new int[capacity];
            keywordAt = new int[capacity];
            nextMatch = new int[capacity];
            firstChild = new int[capacity];
            nextSibling = new int[capacity];
            label = new char[capacity];
            Arrays.fill(keywordAt, -1);
            int tableSize = Integer.highestOneBit(Math.max(16, capacity) * 2) * 2;
            edges = new long[tableSize];
            edgeShift = 64 - Integer.numberOfTrailingZeros(tableSize);
            keywordLengths = new int[keywords.size()];
            for (int k = 0; k < keywords.size(); k++) {
                add(keywords.get(k), k);
            }
        }

        private void add(String keyword, int index) {
            int state = 0;
            for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                alphabet[c >>> 6] |= 1L << c;
                int next = child(state, c);
                if (next == 0) {
                    next = states++;
                    label[next] = c;
                    nextSibling[next] = firstChild[state];
                    firstChild[state] = next;
                    if (state == 0) {
                        rootChildren[c] = next;
                    } else {
                        put(key(state, c), next);
                    }
                }
                state = next;
            }
            keywordAt[state] = index;
            keywordLengths[index] = keyword.length();
        }

        private int child(int state, char c) {
            return state == 0 ? rootChildren[c] : find(edges, edgeShift, key(state, c));
        }

        private void put(long key, int target) {
            int mask = edges.length - 1;
            int slot = slot(key, edgeShift);
            while (edges[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            edges[slot] = key << TARGET_BITS | target;
        }

        /** Breadth first, so that a state's failure target is linked before the state itself. */
        void linkFailures() {
            int[] queue = new int[states];
            int head = 0;
            int tail = 0;
            nextMatch[0] = -1;
            for (int child = firstChild[0]; child != 0; child = nextSibling[child]) {
                fail[child] = 0;
                nextMatch[child] = -1;
                queue[tail++] = child;
            }
            while (head < tail) {
                int state = queue[head++];
                for (int child = firstChild[state]; child != 0; child = nextSibling[child]) {
                    int target = fail[state];
                    int next;
                    while ((next = child(target, label[child])) == 0 && target != 0) {
                        target = fail[target];
                    }
                    fail[child] = next;
                    nextMatch[child] = keywordAt[next] >= 0 ? next : nextMatch[next];
                    queue[tail++] = child;
                }
            }
        }
    }
}
