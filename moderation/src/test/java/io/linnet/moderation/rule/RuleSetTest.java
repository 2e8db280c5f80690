package io.linnet.moderation.rule;

import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.RuleScope;
import io.linnet.moderation.Verdict;
import io.linnet.messaging.ConversationType;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static io.linnet.moderation.RuleAction.BLOCK;
import static io.linnet.moderation.RuleAction.FLAG;
import static io.linnet.moderation.RuleAction.MASK;
import static io.linnet.moderation.rule.Rules.keywords;
import static io.linnet.moderation.rule.Rules.regex;
import static io.linnet.moderation.rule.Rules.ruleNames;
import static io.linnet.moderation.rule.Rules.set;
import static io.linnet.moderation.rule.Rules.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetTest {

    @Test
    void a_rule_applies_only_to_the_conversations_its_scope_covers() {
        RuleSet set = RuleSet.compile(List.of(
                new Rule("g", "groups", RuleKind.KEYWORDS, List.of("spam"), FLAG, RuleScope.GROUPS, true),
                new Rule("d", "direct", RuleKind.REGEX, List.of("spam"), BLOCK, RuleScope.DIRECT, true),
                new Rule("a", "all", RuleKind.KEYWORDS, List.of("spam"), MASK, RuleScope.ALL, true)));
        assertThat(ruleNames(set.check("spam", ConversationType.GROUP))).containsExactly("groups", "all");
        assertThat(ruleNames(set.check("spam", ConversationType.DIRECT))).containsExactly("direct", "all");
        assertThat(ruleNames(set.check("spam", null))).containsExactly("groups", "direct", "all");
        assertThat(set.check("spam", ConversationType.DIRECT).blocked()).isTrue();
        assertThat(set.check("spam", ConversationType.GROUP).blocked()).isFalse();
    }

    @Test
    void scopes_and_kinds_have_lower_case_wire_names() {
        assertThat(RuleScope.of("groups")).isEqualTo(RuleScope.GROUPS);
        assertThat(RuleScope.DIRECT.wireName()).isEqualTo("direct");
        assertThat(RuleKind.of("regex")).isEqualTo(RuleKind.REGEX);
        assertThat(RuleKind.KEYWORDS.wireName()).isEqualTo("keywords");
        assertThatThrownBy(() -> RuleScope.of("GROUPS")).isInstanceOf(DomainException.class).hasMessageContaining("scope");
        assertThatThrownBy(() -> RuleKind.of(null)).isInstanceOf(DomainException.class).hasMessageContaining("kind");
        assertThat(RuleScope.ALL.covers(ConversationType.DIRECT)).isTrue();
        assertThat(RuleScope.GROUPS.covers(ConversationType.DIRECT)).isFalse();
    }

    @Test
    void disabled_rules_are_skipped_even_when_they_would_not_compile() {
        RuleSet set = RuleSet.compile(List.of(
                new Rule("x", "off", RuleKind.KEYWORDS, List.of("spam"), BLOCK, RuleScope.ALL, false),
                new Rule("y", "broken", RuleKind.REGEX, List.of("(unclosed"), BLOCK, RuleScope.ALL, false)));
        assertThat(set).isSameAs(RuleSet.EMPTY);
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.check("spam", null).clean()).isTrue();
        assertThat(RuleSet.compile(List.of())).isSameAs(RuleSet.EMPTY);
        assertThat(RuleSet.EMPTY.keywordCount()).isZero();
    }

    @Test
    void terms_must_be_present_short_and_have_something_to_match() {
        assertThatThrownBy(() -> RuleSet.validate(keywords("empty", FLAG, "ok", " ")))
                .isInstanceOf(DomainException.class).hasMessage("rule 'empty' has an empty term");
        assertThatThrownBy(() -> RuleSet.validate(keywords("none", FLAG)))
                .isInstanceOf(DomainException.class).hasMessage("rule 'none' has no terms");
        assertThatThrownBy(() -> RuleSet.validate(keywords("long", FLAG, "x".repeat(201))))
                .isInstanceOf(DomainException.class).hasMessageContaining("longer than 200 characters");
        RuleSet.validate(keywords("long enough", FLAG, "x".repeat(200)));
        assertThatThrownBy(() -> RuleSet.validate(keywords("ligatures", FLAG, "\uFDFA".repeat(25))))
                .isInstanceOf(DomainException.class).hasMessageContaining("once its compatibility characters are spelled out");
        assertThatThrownBy(() -> RuleSet.validate(keywords("symbols", FLAG, "!!! ***")))
                .isInstanceOf(DomainException.class).hasMessageContaining("'!!! ***' has no letters or digits");
        assertThatThrownBy(() -> RuleSet.validate(keywords("invisible", FLAG, "\u200B\u0301")))
                .isInstanceOf(DomainException.class).hasMessageContaining("no letters or digits");
        assertThatThrownBy(() -> RuleSet.validate(new Rule("id-7", "", null, List.of("x"), FLAG, RuleScope.ALL, true)))
                .isInstanceOf(DomainException.class).hasMessage("rule 'id-7' needs a kind, an action and a scope");
        assertThatThrownBy(() -> RuleSet.validate(new Rule("n", "nulls", RuleKind.KEYWORDS, Arrays.asList("a", null),
                FLAG, RuleScope.ALL, true))).isInstanceOf(DomainException.class).hasMessageContaining("empty term");
    }

    @Test
    void an_app_may_hold_fifty_thousand_keywords_and_two_hundred_regexes() {
        List<String> many = IntStream.range(0, 25_001).mapToObj(i -> "word" + i).toList();
        assertThatThrownBy(() -> set(keywords("a", FLAG, many.toArray(String[]::new)),
                keywords("b", FLAG, many.toArray(String[]::new))))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most 50000 keywords").hasMessageContaining("50002");
        String[] regexes = IntStream.range(0, 101).mapToObj(i -> "x" + i).toArray(String[]::new);
        assertThatThrownBy(() -> set(regex("a", FLAG, regexes), regex("b", FLAG, regexes)))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most 200 regular expressions");
        assertThat(set(regex("a", FLAG, regexes), regex("b", FLAG, Arrays.copyOf(regexes, 99))).regexCount()).isEqualTo(200);
    }

    @Test
    void ten_thousand_keywords_compile_and_each_one_is_found() {
        List<String> words = generatedKeywords(10_000);
        RuleSet set = set(keywords("big", MASK, words.toArray(String[]::new)));
        assertThat(set.keywordCount()).isEqualTo(10_000);
        for (int i = 0; i < words.size(); i += 97) {
            String word = words.get(i);
            Verdict verdict = set.check("before " + word + " after", null);
            assertThat(verdict.hits()).as(word).anySatisfy(hit -> assertThat(hit.matched()).isEqualTo(word));
            assertThat(verdict.text()).as(word).isEqualTo("before " + "*".repeat(word.length()) + " after");
        }
        assertThat(set.check("nothing here at all, 完全没有", null).clean()).isTrue();
    }

    /** Latin words of 4 to 9 letters and Chinese words of 2 to 4 characters, different each time. */
    static List<String> generatedKeywords(int count) {
        java.util.Random random = new java.util.Random(42);
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            if (random.nextBoolean()) {
                int length = 4 + random.nextInt(6);
                for (int i = 0; i < length; i++) {
                    word.append((char) ('q' + random.nextInt(10)));
                }
            } else {
                int length = 2 + random.nextInt(3);
                for (int i = 0; i < length; i++) {
                    word.append((char) (0x9000 + random.nextInt(200)));
                }
            }
            words.add(word.toString());
        }
        List<String> list = new ArrayList<>(words);
        Collections.shuffle(list, random);
        return list;
    }

    @Test
    void one_rule_set_checks_texts_on_many_threads_at_once_with_the_same_results() {
        List<String> words = generatedKeywords(4_000);
        RuleSet set = set(keywords("words", MASK, words.subList(0, 2_000).toArray(String[]::new)),
                regex("digits", FLAG, "\\d{3,}"));
        List<String> texts = words.stream().map(word -> "x " + word + " 1234 ﬁ😀 y").toList();
        List<Verdict> alone = texts.stream().map(text -> set.check(text, null)).toList();
        List<Verdict> together = texts.parallelStream().map(text -> set.check(text, null)).toList();
        assertThat(together).isEqualTo(alone);
        assertThat(alone.subList(0, 2_000)).allMatch(Verdict::masked).allMatch(Verdict::flagged);
    }

    @Test
    void hits_are_ordered_by_start_across_keyword_and_regex_rules() {
        RuleSet set = set(regex("digits", FLAG, "\\d+"), keywords("words", FLAG, "spam", "傻逼"));
        assertThat(spans(set.check("傻逼 42 spam 7", null))).containsExactly("傻逼@0-2", "42@3-5", "spam@6-10", "7@11-12");
    }
}
