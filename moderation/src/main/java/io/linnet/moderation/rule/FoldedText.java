package io.linnet.moderation.rule;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text as the matcher reads it, with the way back to the original: each folded char knows the
 * UTF-16 offset of the character it came from, so hits and masks land on the original text.
 *
 * <p>The text is folded one character cluster at a time: a code point with the combining marks
 * (and Hangul vowel and final jamo) that follow it, so that {@code e\u0301} folds as {@code é} does
 * and {@code か\u3099} as {@code が}. Each cluster maps to its whole original span. Two views:
 * <ul>
 *   <li>{@link View#KEYWORDS}: NFKC (full-width and half-width forms, ligatures such as {@code ﬁ},
 *   circled and mathematical letters), full case folding (upper then lower case in the root
 *   locale, so {@code İ}, {@code ı}, {@code ß} and {@code ς} fold with their plain forms), then
 *   diacritics dropped (the marks of Unicode's "inherited" script, such as U+0300-U+036F and
 *   variation selectors, but not the kana voicing marks nor script-specific vowel signs), and
 *   everything that is not a letter, mark or digit dropped: spaces, punctuation, symbols, emoji and
 *   invisible characters (U+200B, U+200C, U+200D, U+FEFF, soft hyphen) are the separators that
 *   {@code "f.u.c.k"} and {@code "傻\u200B逼"} hide behind;</li>
 *   <li>{@link View#REGEX}: NFKC and lower case only, every character kept, so that a regular
 *   expression sees the spaces and punctuation it was written for.</li>
 * </ul>
 * Folding a single UTF-16 char is cached in a table per view, so a text costs a table read per
 * char; clusters with marks, supplementary characters and chars that expand are cached in a map.
 */
final class FoldedText {

    /** The two ways of folding; each remembers its folds of single BMP chars. */
    enum View {
        KEYWORDS {
            @Override
            String foldCluster(String cluster) {
                String folded = Normalizer.normalize(cluster, Normalizer.Form.NFKC)
                        .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
                String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
                StringBuilder kept = new StringBuilder(decomposed.length());
                decomposed.codePoints().filter(FoldedText::isKeywordMaterial).forEach(kept::appendCodePoint);
                return Normalizer.normalize(kept, Normalizer.Form.NFC);
            }
        },
        REGEX {
            @Override
            String foldCluster(String cluster) {
                return Normalizer.normalize(cluster, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            }
        };

        // Per BMP char: 0 = not folded yet, else KNOWN | flags | the folded char. Written racily on
        // purpose: every thread computes the same int, and an int write is atomic.
        private final int[] singles = new int[Character.MAX_VALUE + 1];
        // The folds of clusters, supplementary characters and chars that fold to more than one
        // char (emoji with their variation selectors, accented letters written with combining
        // marks): bounded, so that a flood of distinct ones costs time, never memory.
        private final Map<String, String> others = new ConcurrentHashMap<>();

        abstract String foldCluster(String cluster);

        private int single(char c) {
            int entry = singles[c];
            if (entry == 0) {
                entry = computeSingle(c);
                singles[c] = entry;
            }
            return entry;
        }

        private int computeSingle(char c) {
            int flags = KNOWN | (continuesCluster(c) ? CONTINUES : 0);
            if (Character.isSurrogate(c)) {
                return flags | SURROGATE;
            }
            String folded = foldCluster(String.valueOf(c));
            if (folded.isEmpty()) {
                return flags | VANISHES;
            }
            return folded.length() == 1 ? flags | folded.charAt(0) : flags | EXPANDS;
        }

        private String other(String cluster) {
            String folded = others.get(cluster);
            if (folded == null) {
                folded = foldCluster(cluster);
                if (others.size() < MAX_OTHERS) {
                    others.put(cluster, folded);
                }
            }
            return folded;
        }
    }

    private static final int KNOWN = 1 << 31;
    private static final int CONTINUES = 1 << 20;
    private static final int SURROGATE = 1 << 19;
    private static final int VANISHES = 1 << 18;
    private static final int EXPANDS = 1 << 17;
    private static final int SLOW = SURROGATE | EXPANDS;
    private static final int MAX_OTHERS = 20_000;

    private final String original;
    private final char[] chars;
    private final int[] origins;
    private final int length;

    private FoldedText(String original, char[] chars, int[] origins, int length) {
        this.original = original;
        this.chars = chars;
        this.origins = origins;
        this.length = length;
    }

    static FoldedText of(String text, View view) {
        int n = text.length();
        char[] chars = new char[n + 16];
        int[] origins = new int[n + 16];
        int length = 0;
        int i = 0;
        int entry = n == 0 ? 0 : view.single(text.charAt(0));
        while (i < n) {
            int next = i + 1;
            int nextEntry = next < n ? view.single(text.charAt(next)) : 0;
            boolean cluster = (nextEntry & CONTINUES) != 0 || ((nextEntry & SURROGATE) != 0 && continuesCluster(text, next));
            if ((entry & SLOW) == 0 && !cluster) {
                if ((entry & VANISHES) == 0) {
                    chars[length] = (char) entry;
                    origins[length++] = i;
                }
                i = next;
                entry = nextEntry;
                continue;
            }
            int end = clusterEnd(text, i);
            String folded = view.other(text.substring(i, end));
            if (length + folded.length() > chars.length) {
                int capacity = Math.max(chars.length * 2, length + folded.length());
                chars = Arrays.copyOf(chars, capacity);
                origins = Arrays.copyOf(origins, capacity);
            }
            for (int k = 0; k < folded.length(); k++) {
                chars[length] = folded.charAt(k);
                origins[length++] = i;
            }
            i = end;
            entry = i < n ? view.single(text.charAt(i)) : 0;
        }
        return new FoldedText(text, chars, origins, length);
    }

    /** A keyword as the matcher looks for it: its {@link View#KEYWORDS} fold. */
    static String keyword(String term) {
        FoldedText folded = of(term, View.KEYWORDS);
        return new String(folded.chars, 0, folded.length);
    }

    String original() {
        return original;
    }

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** Where the character folded char {@code j} came from starts in the original. */
    int originStart(int j) {
        return origins[j];
    }

    /** Where it ends: the end of its whole cluster, trailing combining marks included. */
    int originEnd(int j) {
        return clusterEnd(original, origins[j]);
    }

    /** Whether folded char {@code j} is the first its original cluster folded to (not the "i" of "ﬁ"). */
    boolean startsCluster(int j) {
        return j == 0 || origins[j - 1] != origins[j];
    }

    /** Whether folded char {@code j} is the last its original cluster folded to. */
    boolean endsCluster(int j) {
        return j == length - 1 || origins[j + 1] != origins[j];
    }

    /** The end of the cluster that starts at {@code start}: its code point and what continues it. */
    static int clusterEnd(String text, int start) {
        int end = start + Character.charCount(text.codePointAt(start));
        while (end < text.length() && continuesCluster(text, end)) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    private static boolean continuesCluster(String text, int at) {
        return continuesCluster(text.codePointAt(at));
    }

    /**
     * Combining marks, the half-width voicing marks ({@code ﾊﾞ} is {@code バ}) and the Hangul vowels
     * and finals that compose with the jamo before them.
     */
    private static boolean continuesCluster(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> codePoint == 0xFF9E || codePoint == 0xFF9F
                    || (codePoint >= 0x1160 && codePoint <= 0x11FF) || (codePoint >= 0xD7B0 && codePoint <= 0xD7FF);
        };
    }

    /**
     * Letters, digits and the marks that tell words apart; not separators, not diacritics (marks of
     * the inherited script other than the kana voicing marks), not the modifier letters of the
     * common script ({@code ʼ}, {@code ˈ}: they pass for apostrophes) except the long-vowel mark {@code ー}.
     */
    private static boolean isKeywordMaterial(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
                 Character.OTHER_NUMBER, Character.COMBINING_SPACING_MARK -> true;
            case Character.MODIFIER_LETTER -> codePoint == 'ー' || UnicodeScript.of(codePoint) != UnicodeScript.COMMON;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> codePoint == 0x3099 || codePoint == 0x309A
                    || UnicodeScript.of(codePoint) != UnicodeScript.INHERITED;
            default -> false;
        };
    }

    static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
