package io.linnet.moderation.rule;

import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.RuleScope;
import io.linnet.moderation.Verdict;
import io.linnet.moderation.Verdict.Hit;

import java.util.List;

/** Short ways to write rules and read verdicts in the matcher's tests. */
final class Rules {

    private Rules() {
    }

    static Rule keywords(String name, RuleAction action, String... terms) {
        return new Rule("id-" + name, name, RuleKind.KEYWORDS, List.of(terms), action, RuleScope.ALL, true);
    }

    static Rule regex(String name, RuleAction action, String... terms) {
        return new Rule("id-" + name, name, RuleKind.REGEX, List.of(terms), action, RuleScope.ALL, true);
    }

    static RuleSet set(Rule... rules) {
        return RuleSet.compile(List.of(rules));
    }

    /** Each hit as "matched@start-end", in the verdict's order. */
    static List<String> spans(Verdict verdict) {
        return verdict.hits().stream().map(hit -> hit.matched() + "@" + hit.start() + "-" + hit.end()).toList();
    }

    static List<String> ruleNames(Verdict verdict) {
        return verdict.hits().stream().map(Hit::ruleName).toList();
    }
}
