package io.linnet.moderation.rule;

import io.linnet.moderation.RuleAction;
import io.linnet.moderation.Verdict;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static io.linnet.moderation.RuleAction.FLAG;
import static io.linnet.moderation.RuleAction.MASK;
import static io.linnet.moderation.rule.Rules.regex;
import static io.linnet.moderation.rule.Rules.set;
import static io.linnet.moderation.rule.Rules.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RegexRulesTest {

    @Test
    void a_regex_hit_is_masked_on_the_original_text_even_in_full_width_digits() {
        RuleSet phones = set(regex("phone", MASK, "1\\d{10}"));
        Verdict verdict = phones.check("call 13800138000 now", null);
        assertThat(spans(verdict)).containsExactly("13800138000@5-16");
        assertThat(verdict.text()).isEqualTo("call *********** now");
        assertThat(phones.check("加我１３８００１３８０００", null).text()).isEqualTo("加我***********");
    }

    @Test
    void a_regex_is_case_insensitive_and_sees_separators_as_they_are() {
        RuleSet set = set(regex("word", FLAG, "fuck"));
        assertThat(spans(set.check("FUCK Ｆｕｃｋ", null))).containsExactly("FUCK@0-4", "Ｆｕｃｋ@5-9");
        assertThat(set.check("f.u.c.k", null).clean()).isTrue();
        assertThat(spans(set(regex("spaced", FLAG, "f\\W*u\\W*c\\W*k")).check("f.u.c.k", null)))
                .containsExactly("f.u.c.k@0-7");
    }

    @Test
    void anchors_and_word_boundaries_work_on_the_whole_text() {
        RuleSet set = set(regex("greeting", FLAG, "^hello\\b", "bye$"));
        assertThat(spans(set.check("Hello there, bye", null))).containsExactly("Hello@0-5", "bye@13-16");
        assertThat(set.check("oh hello, byebye!", null).clean()).isTrue();
        assertThat(set.check("helloworld", null).clean()).isTrue();
    }

    @Test
    void a_regex_hit_inside_an_expanded_character_covers_the_whole_character() {
        assertThat(spans(set(regex("fi", FLAG, "fi")).check("a ﬁne day", null))).containsExactly("ﬁ@2-3");
        assertThat(spans(set(regex("dotted", FLAG, "i")).check("İ", null))).containsExactly("İ@0-1");
    }

    @Test
    void every_match_of_every_regex_is_a_hit() {
        RuleSet set = set(regex("links", FLAG, "https?://\\S+", "www\\.\\S+"));
        assertThat(spans(set.check("see http://a.example/x and www.b.example", null)))
                .containsExactly("http://a.example/x@4-22", "www.b.example@27-40");
    }

    @Test
    void a_regex_that_cannot_compile_is_refused_with_the_rule_and_the_problem() {
        assertThatThrownBy(() -> RuleSet.validate(regex("Bad links", FLAG, "ok", "(abc")))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("rule 'Bad links'")
                .hasMessageContaining("'(abc'")
                .hasMessageContaining("does not compile: Unclosed group");
        assertThatThrownBy(() -> set(regex("Bad links", FLAG, "a{2")))
                .isInstanceOf(DomainException.class).hasMessageContaining("rule 'Bad links'");
    }

    @Test
    void a_regex_that_can_match_the_empty_string_is_refused() {
        for (String empty : new String[] {"a*", "^", "$", "\\b", "x?", "(?:)", "a|", "(?=a)"}) {
            assertThatThrownBy(() -> RuleSet.validate(regex("empty", FLAG, empty))).as(empty)
                    .isInstanceOf(DomainException.class).hasMessageContaining("can match the empty string");
        }
    }

    @Test
    void a_regex_that_repeats_a_repetition_is_refused_but_possessive_and_atomic_forms_are_not() {
        for (String nested : new String[] {"(a+)+$", "(a*)*b", "(\\w+\\s?)+$", "((ab)+c)*d", "(x+y){2,}z", "(?:a+)+b", "(?<n>a+)+b"}) {
            assertThatThrownBy(() -> RuleSet.validate(regex("slow", FLAG, nested))).as(nested)
                    .isInstanceOf(DomainException.class).hasMessageContaining("repeats a group");
        }
        for (String fine : new String[] {"(?>a+)+b", "(a+)++b", "(ab)+", "a+b+", "[(a+)+]x", "\\(a+\\)+",
                "(a+){1,3}b", "(?i)(ab)+c", "\\Q(a+)+\\E"}) {
            RuleSet.validate(regex("fine", FLAG, fine));
        }
    }

    @Test
    void a_catastrophic_regex_that_slips_through_is_stopped_by_its_budget_and_counted() {
        // polynomial of degree 11 without a nested unbounded repetition: seconds on 30 commas without the budget
        RuleSet set = set(regex("fields", FLAG, "(.*,){11}z"), regex("plain", FLAG, "!"));
        String text = ",".repeat(30) + "!";
        Verdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> set.check(text, null));
        assertThat(spans(verdict)).containsExactly("!@30-31");
        assertThat(set.regexBudgetExhaustions()).isEqualTo(1);
        assertThat(spans(set.check(",".repeat(11) + "z", null))).containsExactly(",,,,,,,,,,,z@0-12");
        assertThat(set.regexBudgetExhaustions()).isEqualTo(1);
    }

    @Test
    void the_classic_exponential_regex_is_refused_before_it_can_run() {
        assertThatThrownBy(() -> set(regex("classic", FLAG, "(a+)+$")))
                .isInstanceOf(DomainException.class).hasMessageContaining("rule 'classic'").hasMessageContaining("(a+)+$");
    }

    @Test
    void the_probed_regex_that_overflowed_the_matcher_is_refused_on_save_with_the_ways_to_write_it() {
        assertThatThrownBy(() -> RuleSet.validate(regex("spam domains", RuleAction.BLOCK, "(\\w|-)+@spam\\.test")))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("rule 'spam domains'")
                .hasMessageContaining("repeats a group that can match in more than one way")
                .hasMessageContaining("[\\w-]+");
    }

    @Test
    void groups_that_match_in_more_than_one_way_are_refused_when_repeated_without_a_small_bound() {
        for (String deep : new String[] {"(?:\\w|-)+@", "(a|b)*x", "(?:a|b)+?x", "(?:\\w-?)+x", "(a++,)+x",
                "(?:ab|cd)+x", "(?:\\w|-){1,101}@", "(?:(?:a|b){1,20}){1,20}x", "(?<n>a|b){2,}x", "(?:(?>a|b),)+x"}) {
            assertThatThrownBy(() -> RuleSet.validate(regex("deep", FLAG, deep))).as(deep)
                    .isInstanceOf(DomainException.class).hasMessageContaining("repeats a group");
        }
        for (String fine : new String[] {"[\\w-]+@spam\\.test", "(?:\\w|-)++@spam\\.test", "(?>\\w|-)+@spam\\.test",
                "(?:ab)+x", "(?:[a-z]{2},)+x", "(?:a|b){1,100}x", "(?:(?:a|b){1,10}){1,10}x", "(a|b)x(c|d)",
                "(?=a|b)+x", "[(a|b)+]x", "\\(a|b\\)+x", "\\Q(a|b)+\\E"}) {
            RuleSet.validate(regex("fine", FLAG, fine));
        }
    }

    @Test
    void the_rewritten_probe_regexes_find_their_hit_at_the_end_of_a_text_of_the_longest_message() {
        String text = "a".repeat(3985) + "-x@spam.test";
        for (String rewritten : new String[] {"[\\w-]+@spam\\.test", "(?:\\w|-)++@spam\\.test", "(?>\\w|-)+@spam\\.test"}) {
            RuleSet set = set(regex("spam domains", RuleAction.BLOCK, rewritten));
            Verdict verdict = set.check(text, null);
            assertThat(verdict.hits()).as(rewritten).singleElement()
                    .satisfies(hit -> assertThat(hit.end()).isEqualTo(text.length()));
            assertThat(set.regexBudgetExhaustions()).isZero();
        }
    }

    @Test
    void the_probed_regex_running_anyway_on_the_longest_message_runs_out_of_budget_instead_of_throwing() {
        // as if an older, laxer version had saved it: one call deeper per character overflows a sender's stack
        GuardedRegex probed = GuardedRegex.unchecked("(\\w|-)+@spam\\.test");
        char[] text = ("a".repeat(3985) + "-x@spam.test").toCharArray();
        assertThat(onASmallStack(() -> probed.findAll(text, text.length, (start, end) -> { }))).isEqualTo(false);
    }

    @Test
    void a_stack_overflow_of_a_regex_that_passed_the_checks_counts_as_running_out_of_budget() {
        // a grapheme repeated over text of mixed widths recurses per change of width
        RuleSet set = set(regex("graphemes", FLAG, "\\X+x"), regex("plain", FLAG, "!"));
        String text = "!" + "a\uD83D\uDE00".repeat(1333);
        Object outcome = onASmallStack(() -> set.check(text, null));
        assertThat(outcome).isInstanceOf(Verdict.class);
        assertThat(spans((Verdict) outcome)).containsExactly("!@0-1");
        assertThat(set.regexBudgetExhaustions()).isEqualTo(1);
    }

    /** What {@code work} answers, or what it throws, on a thread with a stack as small as a sender's may have left. */
    private static Object onASmallStack(Supplier<Object> work) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread sender = new Thread(null, () -> {
            try {
                outcome.set(work.get());
            } catch (Throwable thrown) {
                outcome.set(thrown);
            }
        }, "small-stack-sender", 256 * 1024);
        sender.start();
        try {
            sender.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return outcome.get();
    }
}
