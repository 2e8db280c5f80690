package io.linnet.moderation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One rule as stored: a keyword list ({@code terms} are the keywords) or regular expressions
 * ({@code terms} are one regex each), what to do on a hit, and where it applies. Nothing is checked
 * here, so a rule read back from storage always loads; the matcher checks it when an app's rules are
 * saved and compiled.
 */
public record Rule(String id, String name, RuleKind kind, List<String> terms, RuleAction action, RuleScope scope,
                   boolean enabled) {

    public Rule {
        // a copy that tolerates null terms, so that validate() can say which term is wrong
        terms = terms == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(terms));
    }
}
