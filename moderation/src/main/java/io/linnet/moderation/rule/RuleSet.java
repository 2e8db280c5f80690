package io.linnet.moderation.rule;

import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.Verdict;
import io.linnet.messaging.ConversationType;
import io.linnet.tenancy.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * All of an app's enabled rules, compiled once so that checking a message costs one pass over it
 * whatever the number of keywords: immutable and safe to share between threads, meant to be cached
 * per app and replaced when the rules change.
 *
 * <h2>Keywords</h2>
 * Text and keywords are folded the same way (see {@link FoldedText}): NFKC, so full-width
 * {@code ＦＵＣＫ}, half-width katakana, ligatures ({@code ﬁ}) and mathematical letters read as plain
 * ones; case folded ({@code İ}, {@code ı}, {@code ß}); diacritics dropped ({@code fück} is
 * {@code fuck}); and every separator skipped: whitespace, punctuation, symbols, emoji and invisible
 * characters, so {@code "f.u.c.k"}, {@code "Ｆ＿Ｕ＿Ｃ＿Ｋ"}, {@code "傻 逼"}, {@code "傻*逼"} and
 * {@code "傻\u200B逼"} all hit. A keyword is matched on its letters and digits only (its spaces and
 * punctuation are separators too, so {@code "fuck you"} matches {@code "fuckyou"}); a keyword with
 * none is refused. All keywords of all rules run in one Aho-Corasick automaton, and every
 * occurrence of every keyword is reported, overlapping ones included.
 *
 * <p>Whole words where words are spaced: at each end of a keyword whose letter or digit there
 * belongs to a script written with spaces between words (Latin, Cyrillic, Greek, digits...), the
 * original character next to the match, invisible characters skipped, must not be a letter or
 * digit of such a script. So {@code ass} hits {@code "ass"}, {@code "a.s.s"}, {@code "ASS!"} and
 * {@code "你是ass吗"} but not {@code "class"} or {@code "assess"}. Ends in Han, kana, Hangul, Thai,
 * Lao, Khmer or Myanmar match anywhere ({@code 傻逼} hits {@code "你这个傻逼啊"}); a mixed keyword
 * decides each end by its own character. Because separators are skipped, text spaced out letter
 * by letter can still hit across its spaces ({@code "c l a s s"} hits {@code ass}): the price of
 * catching {@code "a s s"}. Leetspeak is not undone: {@code "a$$"} is {@code "a"} and a separator.
 *
 * <h2>Regular expressions</h2>
 * {@link java.util.regex} with {@code CASE_INSENSITIVE | UNICODE_CASE}, run on the text after NFKC
 * and lower-casing only: separators are not skipped and diacritics are kept, so a regex sees the
 * spaces and punctuation it was written for. Each regex is refused when it can match the empty
 * string, repeats a repetition ({@code (a+)+}) or repeats without bound a group that can match in
 * more than one way ({@code (\w|-)+}, which the matcher recurses into once per repetition), and
 * runs with a budget of character reads; one that runs out, or overflows the stack anyway, counts in
 * {@link #regexBudgetExhaustions()} and contributes only the matches found before: a rule never
 * makes a send fail. At most {@value #MAX_REGEXES} regular expressions per app: each is a pass over the text.
 *
 * <h2>Hits</h2>
 * Each hit's offsets are UTF-16 offsets in the original text and cover whole characters, combining
 * marks included: a keyword matching part of a ligature covers the ligature. A rule applies when
 * its scope covers the conversation's type (a {@code null} type applies every rule). Hits are
 * ordered by start, then end, then the rules' order; one rule hits the same span at most once.
 */
public final class RuleSet {

    /** The longest term, in UTF-16 chars. */
    public static final int MAX_TERM_LENGTH = 200;
    /** The most keywords an app's enabled rules may hold, all rules together. */
    public static final int MAX_KEYWORDS = 50_000;
    /** The most regular expressions an app's enabled rules may hold, all rules together. */
    public static final int MAX_REGEXES = 200;

    public static final RuleSet EMPTY = new RuleSet(List.of(), null, new int[0][], new byte[0], List.of(), new int[0], 0);

    private static final int MAX_FOLDED_KEYWORD_LENGTH = KeywordAutomaton.MAX_STATES / MAX_KEYWORDS;
    private static final Logger log = LoggerFactory.getLogger(RuleSet.class);
    private static final byte BOUNDED_START = 1;
    private static final byte BOUNDED_END = 2;
    private static final Set<UnicodeScript> WRITTEN_WITHOUT_SPACES = Set.of(UnicodeScript.HAN,
            UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA, UnicodeScript.HANGUL, UnicodeScript.BOPOMOFO,
            UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR);

    private final List<Rule> rules;
    private final KeywordAutomaton keywords;
    private final int[][] rulesOfKeyword;
    private final byte[] keywordBounds;
    private final List<GuardedRegex> regexes;
    private final int[] ruleOfRegex;
    private final int keywordCount;
    // by conversation type: [0] no type, [1 + ordinal] that type
    private final boolean[][] applicable;
    private final boolean[] keywordRuleApplies;
    private final boolean[] regexRuleApplies;
    private final LongAdder regexBudgetExhaustions = new LongAdder();

    private RuleSet(List<Rule> rules, KeywordAutomaton keywords, int[][] rulesOfKeyword, byte[] keywordBounds,
                    List<GuardedRegex> regexes, int[] ruleOfRegex, int keywordCount) {
        this.rules = rules;
        this.keywords = keywords;
        this.rulesOfKeyword = rulesOfKeyword;
        this.keywordBounds = keywordBounds;
        this.regexes = regexes;
        this.ruleOfRegex = ruleOfRegex;
        this.keywordCount = keywordCount;
        int types = ConversationType.values().length + 1;
        this.applicable = new boolean[types][rules.size()];
        this.keywordRuleApplies = new boolean[types];
        this.regexRuleApplies = new boolean[types];
        for (int t = 0; t < types; t++) {
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                boolean applies = t == 0 || rule.scope().covers(ConversationType.values()[t - 1]);
                applicable[t][r] = applies;
                keywordRuleApplies[t] |= applies && rule.kind() == RuleKind.KEYWORDS;
                regexRuleApplies[t] |= applies && rule.kind() == RuleKind.REGEX;
            }
        }
    }

    /**
     * Compiles the enabled rules, skipping disabled ones; refuses, naming the rule, any that
     * {@link #validate(Rule)} refuses, and rules that together exceed {@value #MAX_KEYWORDS}
     * keywords or {@value #MAX_REGEXES} regular expressions.
     */
    public static RuleSet compile(List<Rule> rules) {
        List<Rule> enabled = new ArrayList<>();
        Map<String, int[]> keywordRules = new LinkedHashMap<>();
        List<GuardedRegex> regexes = new ArrayList<>();
        List<Integer> ruleOfRegex = new ArrayList<>();
        int keywordCount = 0;
        for (Rule rule : rules == null ? List.<Rule>of() : rules) {
            if (rule == null || !rule.enabled()) {
                continue;
            }
            int index = enabled.size();
            enabled.add(rule);
            switch (checked(rule)) {
                case Keywords(List<String> folded) -> {
                    keywordCount += folded.size();
                    for (String keyword : folded) {
                        keywordRules.merge(keyword, new int[] {index}, (known, added) ->
                                known[known.length - 1] == index ? known : append(known, index));
                    }
                }
                case Regexes(List<GuardedRegex> compiled) -> {
                    regexes.addAll(compiled);
                    compiled.forEach(regex -> ruleOfRegex.add(index));
                }
            }
        }
        if (keywordCount > MAX_KEYWORDS) {
            throw DomainException.invalid("an app's enabled rules may hold at most " + MAX_KEYWORDS
                    + " keywords together; these hold " + keywordCount);
        }
        if (regexes.size() > MAX_REGEXES) {
            throw DomainException.invalid("an app's enabled rules may hold at most " + MAX_REGEXES
                    + " regular expressions together; these hold " + regexes.size());
        }
        if (enabled.isEmpty()) {
            return EMPTY;
        }
        List<String> distinct = new ArrayList<>(keywordRules.keySet());
        byte[] bounds = new byte[distinct.size()];
        for (int k = 0; k < distinct.size(); k++) {
            String keyword = distinct.get(k);
            bounds[k] = (byte) ((isSpacedWordChar(keyword.codePointAt(0)) ? BOUNDED_START : 0)
                    | (isSpacedWordChar(keyword.codePointBefore(keyword.length())) ? BOUNDED_END : 0));
        }
        return new RuleSet(List.copyOf(enabled), distinct.isEmpty() ? null : KeywordAutomaton.of(distinct),
                keywordRules.values().toArray(int[][]::new), bounds, List.copyOf(regexes),
                ruleOfRegex.stream().mapToInt(Integer::intValue).toArray(), keywordCount);
    }

    /**
     * Checks one rule's terms (e.g. on save) without compiling a whole set: throws
     * {@link DomainException#invalid} when the rule lacks a kind, action or scope or has no terms, or
     * when a term is empty, longer than {@value #MAX_TERM_LENGTH} chars, a keyword without letters or
     * digits, a regex that does not compile, can match the empty string or repeats a repetition.
     */
    public static void validate(Rule rule) {
        checked(rule);
    }

    /** Every hit of the rules that apply to {@code type} ({@code null}: all rules) in {@code text}. */
    public Verdict check(String text, ConversationType type) {
        Objects.requireNonNull(text, "text");
        int t = type == null ? 0 : type.ordinal() + 1;
        if (text.isEmpty() || (!keywordRuleApplies[t] && !regexRuleApplies[t])) {
            return Verdict.none(text);
        }
        Findings findings = new Findings(applicable[t]);
        if (keywordRuleApplies[t]) {
            findings.scanKeywords(FoldedText.of(text, FoldedText.View.KEYWORDS));
        }
        if (regexRuleApplies[t]) {
            findings.scanRegexes(FoldedText.of(text, FoldedText.View.REGEX));
        }
        return findings.verdict(text);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The keywords of the enabled rules as written: one in two rules counts twice. */
    public int keywordCount() {
        return keywordCount;
    }

    /** The regular expressions of the enabled rules. */
    public int regexCount() {
        return regexes.size();
    }

    /** How many times a regex of this set ran out of its budget on a text, since it was compiled. */
    public long regexBudgetExhaustions() {
        return regexBudgetExhaustions.sum();
    }

    /** A rule's terms, checked and ready to compile. */
    private sealed interface CheckedTerms {
    }

    private record Keywords(List<String> folded) implements CheckedTerms {
    }

    private record Regexes(List<GuardedRegex> compiled) implements CheckedTerms {
    }

    private static CheckedTerms checked(Rule rule) {
        if (rule == null) {
            throw DomainException.invalid("rule is required");
        }
        String label = "rule '" + (rule.name() == null || rule.name().isBlank() ? rule.id() : rule.name()) + "'";
        if (rule.kind() == null || rule.action() == null || rule.scope() == null) {
            throw DomainException.invalid(label + " needs a kind, an action and a scope");
        }
        if (rule.terms().isEmpty()) {
            throw DomainException.invalid(label + " has no terms");
        }
        int limit = rule.kind() == RuleKind.KEYWORDS ? MAX_KEYWORDS : MAX_REGEXES;
        if (rule.terms().size() > limit) {
            throw DomainException.invalid(label + " has " + rule.terms().size() + " terms; at most " + limit + " are allowed");
        }
        List<String> keywords = new ArrayList<>();
        List<GuardedRegex> regexes = new ArrayList<>();
        for (String term : rule.terms()) {
            if (term == null || term.isBlank()) {
                throw DomainException.invalid(label + " has an empty term");
            }
            if (term.length() > MAX_TERM_LENGTH) {
                throw DomainException.invalid(label + ": the term '" + term.substring(0, 20) + "...' is longer than "
                        + MAX_TERM_LENGTH + " characters");
            }
            if (rule.kind() == RuleKind.REGEX) {
                regexes.add(GuardedRegex.of(term, label));
                continue;
            }
            String folded = FoldedText.keyword(term);
            if (folded.isEmpty()) {
                throw DomainException.invalid(label + ": the keyword '" + term + "' has no letters or digits to match");
            }
            if (folded.length() > MAX_FOLDED_KEYWORD_LENGTH) {
                // so that 50,000 keywords always fit the automaton: ligatures and the like spelled out
                throw DomainException.invalid(label + ": the keyword '" + term.substring(0, 20) + "...' is longer than "
                        + MAX_FOLDED_KEYWORD_LENGTH + " characters once its compatibility characters are spelled out");
            }
            keywords.add(folded);
        }
        return rule.kind() == RuleKind.REGEX ? new Regexes(regexes) : new Keywords(keywords);
    }

    private static int[] append(int[] array, int value) {
        int[] longer = Arrays.copyOf(array, array.length + 1);
        longer[array.length] = value;
        return longer;
    }

    /** A letter or digit of a script that spaces its words, so a keyword ending in one needs a word boundary. */
    private static boolean isSpacedWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) && codePoint != 'ー'
                && !WRITTEN_WITHOUT_SPACES.contains(UnicodeScript.of(codePoint));
    }

    /** Characters that show nothing between two letters: format characters and stray marks. */
    private static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT || FoldedText.isMark(codePoint);
    }

    /** One check's hits as they are found, in any order, then sorted into a verdict. */
    private final class Findings implements KeywordAutomaton.Matches {

        private final boolean[] applies;
        private final List<Found> found = new ArrayList<>();
        private FoldedText folded;

        Findings(boolean[] applies) {
            this.applies = applies;
        }

        void scanKeywords(FoldedText text) {
            folded = text;
            keywords.scan(text.chars(), text.length(), this);
        }

        @Override
        public void found(int keyword, int end) {
            int start = end - keywords.keywordLength(keyword);
            byte bounds = keywordBounds[keyword];
            if (((bounds & BOUNDED_START) != 0 && !boundaryBefore(start))
                    || ((bounds & BOUNDED_END) != 0 && !boundaryAfter(end - 1))) {
                return;
            }
            for (int rule : rulesOfKeyword[keyword]) {
                if (applies[rule]) {
                    found.add(new Found(rule, folded.originStart(start), folded.originEnd(end - 1)));
                }
            }
        }

        private boolean boundaryBefore(int first) {
            if (!folded.startsCluster(first)) {
                return !isSpacedWordChar(folded.chars()[first - 1]);
            }
            String text = folded.original();
            for (int i = folded.originStart(first); i > 0; ) {
                int codePoint = text.codePointBefore(i);
                if (!isInvisible(codePoint)) {
                    return !isSpacedWordChar(codePoint);
                }
                i -= Character.charCount(codePoint);
            }
            return true;
        }

        private boolean boundaryAfter(int last) {
            if (!folded.endsCluster(last)) {
                return !isSpacedWordChar(folded.chars()[last + 1]);
            }
            String text = folded.original();
            for (int i = folded.originEnd(last); i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                if (!isInvisible(codePoint)) {
                    return !isSpacedWordChar(codePoint);
                }
                i += Character.charCount(codePoint);
            }
            return true;
        }

        void scanRegexes(FoldedText text) {
            for (int r = 0; r < regexes.size(); r++) {
                int rule = ruleOfRegex[r];
                if (!applies[rule]) {
                    continue;
                }
                boolean finished = regexes.get(r).findAll(text.chars(), text.length(),
                        (start, end) -> found.add(new Found(rule, text.originStart(start), text.originEnd(end - 1))));
                if (!finished) {
                    regexBudgetExhaustions.increment();
                    log.debug("A regex of moderation rule {} ran out of its budget on a {}-char text",
                            rules.get(rule).id(), text.original().length());
                }
            }
        }

        Verdict verdict(String text) {
            if (found.isEmpty()) {
                return Verdict.none(text);
            }
            found.sort(Found.ORDER);
            List<Verdict.Hit> hits = new ArrayList<>(found.size());
            StringBuilder masked = null;
            int maskedUpTo = 0;
            Found previous = null;
            for (Found hit : found) {
                if (hit.equals(previous)) {
                    continue;
                }
                previous = hit;
                Rule rule = rules.get(hit.rule());
                hits.add(new Verdict.Hit(rule.id(), rule.name(), rule.action(), hit.start(), hit.end(),
                        text.substring(hit.start(), hit.end())));
                if (rule.action() == RuleAction.MASK && hit.end() > maskedUpTo) {
                    if (masked == null) {
                        masked = new StringBuilder(text.length());
                    }
                    int from = Math.max(maskedUpTo, hit.start());
                    masked.append(text, maskedUpTo, from).repeat('*', text.codePointCount(from, hit.end()));
                    maskedUpTo = hit.end();
                }
            }
            return new Verdict(hits, masked == null ? text : masked.append(text, maskedUpTo, text.length()).toString());
        }
    }

    private record Found(int rule, int start, int end) {
        static final Comparator<Found> ORDER = Comparator.comparingInt(Found::start).thenComparingInt(Found::end)
                .thenComparingInt(Found::rule);
    }
}
