package io.linnet.moderation.rule;

import io.linnet.tenancy.DomainException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One regular expression of a rule, compiled case-insensitively, refused when it can match the
 * empty string, repeats a repetition ({@code (a+)+}, the classic exponential backtracker) or repeats
 * without bound a group that can match in more than one way ({@code (\w|-)+}), and run with a budget
 * of character reads, because an app's administrator writes it and every message of the app pays
 * for it.
 *
 * <p>The budget ({@value #BASE_READS} reads plus {@value #READS_PER_CHAR} per char of the text) is
 * generous for any regex that runs in linear or low polynomial time and stops the exponential ones
 * within milliseconds. {@link java.util.regex} matches each repetition of such a group one call
 * deeper, so a long text would overflow the thread's stack whatever the budget; those groups are
 * refused on save, and a stack overflow that still happens (a code point or grapheme repeated over
 * a long text of mixed widths, a thread with little stack left) counts as running out of budget. A
 * regex that runs out contributes the matches it found before, nothing more: the send goes on.
 */
final class GuardedRegex {

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    static final long BASE_READS = 10_000;
    static final long READS_PER_CHAR = 1_000;
    /**
     * The most repetitions, all nesting levels multiplied, of groups that can match in more than one
     * way: each costs a few stack frames, and this many fit in the smallest stack a sender's thread has.
     */
    static final long MAX_DEEP_REPETITIONS = 100;

    /** Probes for the empty-match check: a regex that matches nothing somewhere in one of these is refused. */
    private static final List<String> PROBES = List.of("", " ", "a", "0", "中", "a b", "ab\n");

    /** Receives matches as [start, end) in the text searched. */
    interface Spans {
        void found(int start, int end);
    }

    private final Pattern pattern;

    private GuardedRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles {@code regex} or says, naming {@code rule}, why it cannot be used. */
    static GuardedRegex of(String regex, String rule) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, FLAGS);
        } catch (PatternSyntaxException e) {
            throw DomainException.invalid(rule + ": regex '" + regex + "' does not compile: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
        for (String probe : PROBES) {
            Matcher matcher = pattern.matcher(probe);
            while (matcher.find()) {
                if (matcher.end() == matcher.start()) {
                    throw DomainException.invalid(rule + ": regex '" + regex + "' can match the empty string,"
                            + " which would hit every message");
                }
            }
        }
        if (repeatsARepetition(regex)) {
            throw DomainException.invalid(rule + ": regex '" + regex + "' repeats a group that itself repeats"
                    + " without bound, like (a+)+, which can take exponential time; use a possessive quantifier"
                    + " (a++) or an atomic group (?>...)");
        }
        if (repeatsAnAmbiguousGroup(regex)) {
            throw DomainException.invalid(rule + ": regex '" + regex + "' repeats a group that can match in more"
                    + " than one way (alternatives, optional or repeated parts) more than " + MAX_DEEP_REPETITIONS
                    + " times, which long messages make overflow the matcher; use a character class ([\\w-]+"
                    + " rather than (\\w|-)+), a possessive quantifier ((?:\\w|-)++) or an atomic group ((?>\\w|-)+)");
        }
        return new GuardedRegex(pattern);
    }

    /**
     * A regex compiled without the save-time checks, as an older version of Linnet may have stored
     * it: only for tests of what the matcher does when such a regex runs anyway.
     */
    static GuardedRegex unchecked(String regex) {
        return new GuardedRegex(Pattern.compile(regex, FLAGS));
    }

    /**
     * Reports every non-empty match in {@code text[0, length)}; false when the budget ran out before
     * the end (the matches found before are reported).
     */
    boolean findAll(char[] text, int length, Spans spans) {
        Matcher matcher = pattern.matcher(new BudgetedChars(text, 0, length, new long[] {BASE_READS + READS_PER_CHAR * length}));
        try {
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    spans.found(matcher.start(), matcher.end());
                }
            }
            return true;
        } catch (BudgetExhausted e) {
            return false;
        } catch (StackOverflowError e) {
            // the matcher's recursion is its own: unwinding it leaves nothing half-done behind
            return false;
        }
    }

    /**
     * Whether a group that can match in more than one way (it holds an alternative, or an optional
     * or repeated part) is repeated without bound, or more than {@value #MAX_DEEP_REPETITIONS} times
     * all nesting levels multiplied, by a quantifier that backtracks. {@link java.util.regex} matches
     * each repetition of such a group one call deeper (a possessive quantifier, an atomic group or a
     * group that matches one fixed sequence does not). Read from the source, without compiling.
     */
    static boolean repeatsAnAmbiguousGroup(String regex) {
        Deque<Group> groups = new ArrayDeque<>();
        Group top = new Group(false);
        groups.push(top);
        Group closed = null;
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            Group justClosed = null;
            switch (c) {
                case '\\' -> i = skipEscape(regex, i);
                case '[' -> i = skipClass(regex, i);
                case '|' -> {
                    groups.peek().ambiguous = true;
                    i++;
                }
                case '(' -> {
                    if (regex.startsWith("(?", i) && isFlagGroup(regex, i + 2)) {
                        i = regex.indexOf(')', i) + 1;
                    } else {
                        boolean repeatsInPlace = regex.startsWith("(?>", i) || regex.startsWith("(?=", i)
                                || regex.startsWith("(?!", i) || regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i);
                        groups.push(new Group(repeatsInPlace));
                        i = regex.startsWith("(?", i) ? skipGroupPrefix(regex, i + 2) : i + 1;
                    }
                }
                case ')' -> {
                    if (groups.size() > 1) {
                        justClosed = groups.pop();
                        groups.peek().ambiguous |= justClosed.ambiguous;
                        groups.peek().depth += justClosed.depth;
                    }
                    i++;
                }
                case '*', '+', '{', '?' -> {
                    int end = c == '{' ? regex.indexOf('}', i) : i;
                    if (end < 0) {
                        end = i;
                    }
                    long[] bounds = c == '{' ? bounds(regex.substring(i + 1, end)) : switch (c) {
                        case '*' -> new long[] {0, Long.MAX_VALUE};
                        case '+' -> new long[] {1, Long.MAX_VALUE};
                        default -> new long[] {0, 1};
                    };
                    i = end + 1;
                    boolean possessive = i < n && regex.charAt(i) == '+';
                    if (i < n && (regex.charAt(i) == '+' || regex.charAt(i) == '?')) {
                        i++;
                    }
                    Group enclosing = groups.peek();
                    enclosing.ambiguous |= bounds[0] != bounds[1];
                    if (closed != null && closed.ambiguous && !closed.repeatsInPlace && !possessive && bounds[1] > 1) {
                        if (bounds[1] == Long.MAX_VALUE) {
                            return true;
                        }
                        // the group's own depth was added to the enclosing one when it closed
                        enclosing.depth += bounds[1] * Math.max(1, closed.depth) - closed.depth;
                        if (enclosing.depth > MAX_DEEP_REPETITIONS) {
                            return true;
                        }
                    }
                }
                default -> i++;
            }
            closed = justClosed;
        }
        return top.depth > MAX_DEEP_REPETITIONS;
    }

    /** An open group as {@link #repeatsAnAmbiguousGroup} reads it. */
    private static final class Group {
        final boolean repeatsInPlace;
        boolean ambiguous;
        long depth;

        Group(boolean repeatsInPlace) {
            this.repeatsInPlace = repeatsInPlace;
        }
    }

    /** {@code n}, {@code n,} or {@code n,m} of a {@code {...}} quantifier as {min, max}. */
    private static long[] bounds(String quantifier) {
        int comma = quantifier.indexOf(',');
        long min = number(comma < 0 ? quantifier : quantifier.substring(0, comma));
        long max = comma < 0 ? min : comma == quantifier.length() - 1 ? Long.MAX_VALUE : number(quantifier.substring(comma + 1));
        return new long[] {min, max};
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // compiled already, so only a count too large for a long gets here
        }
    }

    /**
     * Whether an unbounded quantifier ({@code *}, {@code +}, {@code {n,}}) applies to a group that
     * contains one: star height above one, read from the source without compiling. Possessive
     * quantifiers and atomic groups do not backtrack, so they do not count.
     */
    static boolean repeatsARepetition(String regex) {
        Deque<boolean[]> groups = new ArrayDeque<>(); // per open group: {contains an unbounded repeat, atomic}
        boolean closedGroupRepeats = false;
        boolean afterGroup = false;
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            boolean groupClosedHere = false;
            switch (c) {
                case '\\' -> i = skipEscape(regex, i);
                case '[' -> i = skipClass(regex, i);
                case '(' -> {
                    if (regex.startsWith("(?", i) && isFlagGroup(regex, i + 2)) {
                        i = regex.indexOf(')', i) + 1;
                    } else {
                        groups.push(new boolean[] {false, regex.startsWith("(?>", i)});
                        i = regex.startsWith("(?", i) ? skipGroupPrefix(regex, i + 2) : i + 1;
                    }
                }
                case ')' -> {
                    boolean[] group = groups.isEmpty() ? new boolean[2] : groups.pop();
                    closedGroupRepeats = group[0] && !group[1];
                    if (group[0] && !groups.isEmpty()) {
                        groups.peek()[0] = true;
                    }
                    groupClosedHere = true;
                    i++;
                }
                case '*', '+', '{', '?' -> {
                    int end = c == '{' ? regex.indexOf('}', i) : i;
                    if (end < 0) {
                        end = i;
                    }
                    boolean unbounded = c == '*' || c == '+' || (c == '{' && regex.substring(i, end).endsWith(","));
                    i = end + 1;
                    boolean possessive = i < n && regex.charAt(i) == '+';
                    if (i < n && (regex.charAt(i) == '+' || regex.charAt(i) == '?')) {
                        i++;
                    }
                    if (unbounded && !possessive) {
                        if (afterGroup && closedGroupRepeats) {
                            return true;
                        }
                        if (!groups.isEmpty()) {
                            groups.peek()[0] = true;
                        }
                    }
                }
                default -> i++;
            }
            afterGroup = groupClosedHere;
        }
        return false;
    }

    private static int skipEscape(String regex, int i) {
        if (regex.startsWith("\\Q", i)) {
            int end = regex.indexOf("\\E", i + 2);
            return end < 0 ? regex.length() : end + 2;
        }
        int next = i + 2;
        if (next < regex.length() && regex.charAt(next) == '{' && "pPxkN".indexOf(regex.charAt(i + 1)) >= 0) {
            int end = regex.indexOf('}', next);
            return end < 0 ? regex.length() : end + 1;
        }
        return next;
    }

    private static int skipClass(String regex, int i) {
        int depth = 0;
        int n = regex.length();
        int j = i;
        while (j < n) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j = skipEscape(regex, j);
                continue;
            }
            if (c == '[') {
                depth++;
                // a ']' right after the opening '[' or '[^' is a literal
                if (regex.startsWith("]", j + 1)) {
                    j++;
                } else if (regex.startsWith("^]", j + 1)) {
                    j += 2;
                }
            } else if (c == ']' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return n;
    }

    /** {@code (?i)} or {@code (?-s)}: flags for the rest of the regex, not a group. */
    private static boolean isFlagGroup(String regex, int i) {
        int j = i;
        while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
            j++;
        }
        return j < regex.length() && regex.charAt(j) == ')';
    }

    /** Past {@code ?:}, {@code ?=}, {@code ?<name>}, {@code ?i:} and the like. */
    private static int skipGroupPrefix(String regex, int i) {
        if (regex.startsWith("<", i) && !regex.startsWith("<=", i) && !regex.startsWith("<!", i)) {
            int end = regex.indexOf('>', i);
            return end < 0 ? regex.length() : end + 1;
        }
        int j = i;
        while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
            j++;
        }
        return Math.min(regex.length(), j + 1);
    }

    /** The text a matcher reads, counting down a budget shared with its sub-sequences. */
    private record BudgetedChars(char[] text, int offset, int length, long[] budget) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw BudgetExhausted.INSTANCE;
            }
            return text[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedChars(text, offset + start, end - start, budget);
        }

        @Override
        public String toString() {
            return new String(text, offset, length);
        }
    }

    private static final class BudgetExhausted extends RuntimeException {

        static final BudgetExhausted INSTANCE = new BudgetExhausted();

        private BudgetExhausted() {
            super("regex budget exhausted", null, false, false);
        }
    }
}
