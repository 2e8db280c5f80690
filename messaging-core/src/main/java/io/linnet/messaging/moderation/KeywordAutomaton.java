package io.linnet.messaging.moderation;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over UTF-16 chars: finds every occurrence of every keyword, overlaps
 * included, in one pass over a text, whatever the number of keywords.
 *
 * <p>Kept compact for tens of thousands of keywords over an alphabet as large as Chinese: the
 * trie's edges live in one open-addressing table keyed by (state, char), and a bit set of the chars
 * that occur in any keyword sends every other char straight back to the root without a lookup,
 * which is most chars of most messages. Immutable once built; safe to share between threads.
 */
final class KeywordAutomaton {

    /** Receives the matches of a scan. */
    interface Matches {
        /** Keyword {@code keyword} (its index in the list built from) ends just before folded char {@code end}. */
        void found(int keyword, int end);
    }

    private static final long NO_KEY = -1L;

    private final long[] alphabet;
    private final long[] edgeKeys;
    private final int[] edgeTargets;
    private final int edgeShift;
    private final int[] fail;
    private final int[] keywordAt;
    private final int[] nextMatch;
    private final int[] keywordLengths;

    private KeywordAutomaton(Builder builder) {
        this.alphabet = builder.alphabet;
        this.edgeKeys = builder.edgeKeys;
        this.edgeTargets = builder.edgeTargets;
        this.edgeShift = builder.edgeShift;
        this.fail = Arrays.copyOf(builder.fail, builder.states);
        this.keywordAt = Arrays.copyOf(builder.keywordAt, builder.states);
        this.nextMatch = Arrays.copyOf(builder.nextMatch, builder.states);
        this.keywordLengths = builder.keywordLengths;
    }

    /** Builds the automaton of distinct, non-empty keywords. */
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

    private int step(int state, char c) {
        while (true) {
            int next = edge(state, c);
            if (next > 0) {
                return next;
            }
            if (state == 0) {
                return 0;
            }
            state = fail[state];
        }
    }

    private int edge(int state, char c) {
        return find(edgeKeys, edgeTargets, edgeShift, key(state, c));
    }

    private static long key(int state, char c) {
        return ((long) state << 16) | c;
    }

    private static int slot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private static int find(long[] keys, int[] targets, int shift, long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, shift); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return targets[slot];
            }
            if (k == NO_KEY) {
                return 0;
            }
        }
    }

    /** The trie, then its failure links; a trie has at most one state per keyword char, so nothing grows. */
    private static final class Builder {

        final long[] alphabet = new long[(Character.MAX_VALUE + 1) / 64];
        final int[] keywordLengths;
        long[] edgeKeys;
        int[] edgeTargets;
        int edgeShift;
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
            fail = new int[capacity];
            keywordAt = new int[capacity];
            nextMatch = new int[capacity];
            firstChild = new int[capacity];
            nextSibling = new int[capacity];
            label = new char[capacity];
            Arrays.fill(keywordAt, -1);
            int tableSize = Integer.highestOneBit(Math.max(16, capacity) * 2) * 2;
            edgeKeys = new long[tableSize];
            Arrays.fill(edgeKeys, NO_KEY);
            edgeTargets = new int[tableSize];
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
                int next = find(edgeKeys, edgeTargets, edgeShift, key(state, c));
                if (next == 0) {
                    next = states++;
                    label[next] = c;
                    nextSibling[next] = firstChild[state];
                    firstChild[state] = next;
                    put(key(state, c), next);
                }
                state = next;
            }
            keywordAt[state] = index;
            keywordLengths[index] = keyword.length();
        }

        private void put(long key, int target) {
            int mask = edgeKeys.length - 1;
            int slot = slot(key, edgeShift);
            while (edgeKeys[slot] != NO_KEY) {
                slot = (slot + 1) & mask;
            }
            edgeKeys[slot] = key;
            edgeTargets[slot] = target;
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
                    while ((next = find(edgeKeys, edgeTargets, edgeShift, key(target, label[child]))) == 0 && target != 0) {
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
