package io.linnet.moderation;

import java.util.List;
import java.util.Objects;

/**
 * What the rules found in a text: every hit of every applicable rule, ordered by where it starts,
 * and the text to store and deliver: the input with each span a {@code MASK} rule hit replaced by
 * one {@code *} per code point, everything else exactly as it was (the very same string when no
 * {@code MASK} rule hit).
 */
public record Verdict(List<Hit> hits, String text) {

    /**
     * One match of one rule. {@code start} and {@code end} are UTF-16 offsets in the original text,
     * {@code matched} the original text between them: {@code "Ｆ.U.C.K"}, not the keyword {@code fuck}.
     */
    public record Hit(String ruleId, String ruleName, RuleAction action, int start, int end, String matched) {
    }

    public Verdict {
        hits = List.copyOf(hits);
        Objects.requireNonNull(text, "text");
    }

    public static Verdict none(String text) {
        return new Verdict(List.of(), text);
    }

    /** The send must be refused: a {@code BLOCK} rule hit. */
    public boolean blocked() {
        return any(RuleAction.BLOCK);
    }

    /** {@link #text()} differs from the input: a {@code MASK} rule hit. */
    public boolean masked() {
        return any(RuleAction.MASK);
    }

    /** The message goes to review: a {@code FLAG} rule hit. */
    public boolean flagged() {
        return any(RuleAction.FLAG);
    }

    public boolean clean() {
        return hits.isEmpty();
    }

    private boolean any(RuleAction action) {
        for (Hit hit : hits) {
            if (hit.action() == action) {
                return true;
            }
        }
        return false;
    }
}
