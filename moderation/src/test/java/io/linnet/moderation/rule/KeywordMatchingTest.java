package io.linnet.moderation.rule;

import io.linnet.moderation.Verdict;
import org.junit.jupiter.api.Test;

import static io.linnet.moderation.RuleAction.BLOCK;
import static io.linnet.moderation.RuleAction.FLAG;
import static io.linnet.moderation.RuleAction.MASK;
import static io.linnet.moderation.rule.Rules.keywords;
import static io.linnet.moderation.rule.Rules.set;
import static io.linnet.moderation.rule.Rules.spans;
import static org.assertj.core.api.Assertions.assertThat;

class KeywordMatchingTest {

    private static final RuleSet PROFANITY = set(keywords("profanity", MASK, "fuck"));
    private static final RuleSet INSULTS = set(keywords("insults", BLOCK, "傻逼"));

    @Test
    void case_width_and_separators_between_the_letters_do_not_hide_a_latin_keyword() {
        assertThat(PROFANITY.check("oh f.u.c.k!", null).text()).isEqualTo("oh *******!");
        assertThat(spans(PROFANITY.check("oh f.u.c.k!", null))).containsExactly("f.u.c.k@3-10");
        assertThat(PROFANITY.check("f u c k you", null).text()).isEqualTo("******* you");
        assertThat(PROFANITY.check("ＦＵＣＫ", null).text()).isEqualTo("****");
        assertThat(PROFANITY.check("Ｆ＿Ｕ＿Ｃ＿Ｋ off", null).text()).isEqualTo("******* off");
        assertThat(PROFANITY.check("FuCk", null).text()).isEqualTo("****");
        assertThat(PROFANITY.check("f-_-u//c**k", null).text()).isEqualTo("***********");
        assertThat(spans(PROFANITY.check("f\u200Bu\u200Cc\u200Dk\uFEFF", null))).containsExactly("f\u200Bu\u200Cc\u200Dk@0-7");
        assertThat(PROFANITY.check("f\u00ADuck", null).text()).isEqualTo("*****");
    }

    @Test
    void spaces_symbols_and_invisible_characters_do_not_hide_a_chinese_keyword() {
        for (String text : new String[] {"傻逼", "傻 逼", "傻*逼", "傻\u200B逼", "傻\u3000逼", "傻。逼", "傻😀逼"}) {
            assertThat(INSULTS.check("你" + text + "啊", null).hits()).as(text).singleElement()
                    .satisfies(hit -> {
                        assertThat(hit.start()).isEqualTo(1);
                        assertThat(hit.end()).isEqualTo(1 + text.length());
                        assertThat(hit.matched()).isEqualTo(text);
                    });
        }
        assertThat(INSULTS.check("傻瓜和逼格", null).clean()).isTrue();
    }

    @Test
    void a_latin_keyword_matches_whole_words_only_so_scunthorpe_is_safe() {
        RuleSet ass = set(keywords("ass", FLAG, "ass"));
        assertThat(spans(ass.check("kiss my ass.", null))).containsExactly("ass@8-11");
        assertThat(spans(ass.check("a.s.s", null))).containsExactly("a.s.s@0-5");
        assertThat(spans(ass.check("ASS!", null))).containsExactly("ASS@0-3");
        assertThat(spans(ass.check("(ass)", null))).containsExactly("ass@1-4");
        assertThat(spans(ass.check("àss", null))).containsExactly("àss@0-3");
        for (String innocent : new String[] {"class", "assess", "passage", "bass", "ass2", "3ass", "clàss", "Assam",
                "cl\u200Bass", "ÀSSET", "ｂass"}) {
            assertThat(ass.check(innocent, null).clean()).as(innocent).isTrue();
        }
    }

    @Test
    void a_latin_keyword_inside_chinese_text_is_a_word_of_its_own() {
        RuleSet ass = set(keywords("ass", FLAG, "ass"));
        assertThat(spans(ass.check("你是ass吗", null))).containsExactly("ass@2-5");
    }

    @Test
    void a_chinese_keyword_matches_anywhere_in_a_word() {
        assertThat(spans(INSULTS.check("你这个傻逼啊", null))).containsExactly("傻逼@3-5");
        assertThat(spans(INSULTS.check("abc傻逼def", null))).containsExactly("傻逼@3-5");
    }

    @Test
    void a_mixed_keyword_needs_a_word_boundary_only_at_its_latin_end() {
        RuleSet qq = set(keywords("ads", FLAG, "QQ群"));
        assertThat(spans(qq.check("加QQ群123456", null))).containsExactly("QQ群@1-4");
        assertThat(spans(qq.check("请加 qq 群", null))).containsExactly("qq 群@3-7");
        assertThat(qq.check("AQQ群", null).clean()).isTrue();
    }

    @Test
    void overlapping_keywords_all_hit_and_masks_cover_their_union() {
        RuleSet set = set(keywords("nation", MASK, "中国", "国人", "中国人"));
        assertThat(spans(set.check("我是中国人啊", null))).containsExactly("中国@2-4", "中国人@2-5", "国人@3-5");
        assertThat(set.check("我是中国人啊", null).text()).isEqualTo("我是***啊");

        RuleSet latin = set(keywords("rude", MASK, "fuck", "fuck you", "you"));
        assertThat(spans(latin.check("fuck you!", null))).containsExactly("fuck@0-4", "fuck you@0-8", "you@5-8");
        assertThat(latin.check("fuck you!", null).text()).isEqualTo("********!");
    }

    @Test
    void adjacent_and_separate_mask_hits_each_keep_what_lies_between_them() {
        RuleSet set = set(keywords("rude", MASK, "fuck", "傻逼"));
        assertThat(set.check("fuck,fuck 傻逼傻逼 ok", null).text()).isEqualTo("****,**** **** ok");
    }

    @Test
    void a_mask_changes_nothing_but_the_hits_surrogate_pairs_and_line_breaks_included() {
        String text = "😀fuck😀\r\n\tok 👍🏽 f😀u😀c😀k 𝐟𝐮𝐜𝐤";
        Verdict verdict = PROFANITY.check(text, null);
        assertThat(spans(verdict)).containsExactly("fuck@2-6", "f😀u😀c😀k@19-29", "𝐟𝐮𝐜𝐤@30-38");
        assertThat(verdict.text()).isEqualTo("😀****😀\r\n\tok 👍🏽 ******* ****");
    }

    @Test
    void a_keyword_of_supplementary_han_characters_maps_back_to_whole_surrogate_pairs() {
        RuleSet set = set(keywords("rare", MASK, "𠜎𠜱"));
        Verdict verdict = set.check("a𠜎 𠜱b", null);
        assertThat(spans(verdict)).containsExactly("𠜎 𠜱@1-6");
        assertThat(verdict.text()).isEqualTo("a***b");
    }

    @Test
    void diacritics_are_ignored_and_a_hit_takes_its_combining_marks_along() {
        assertThat(PROFANITY.check("fück", null).text()).isEqualTo("****");
        assertThat(spans(PROFANITY.check("fu\u0308ck", null))).containsExactly("fu\u0308ck@0-5");
        assertThat(PROFANITY.check("fu\u0308ck", null).text()).isEqualTo("*****");
        assertThat(PROFANITY.check("fuck\u0301 off", null).text()).isEqualTo("***** off");
        assertThat(set(keywords("cafe", FLAG, "café")).check("CAFE\u0301 au lait", null).hits()).hasSize(1);
    }

    @Test
    void kana_voicing_is_kept_whether_composed_decomposed_or_half_width() {
        RuleSet set = set(keywords("baka", FLAG, "バカ", "ばか"));
        assertThat(spans(set.check("ﾊﾞｶ!", null))).containsExactly("ﾊﾞｶ@0-3");
        assertThat(spans(set.check("は\u3099か", null))).containsExactly("は\u3099か@0-3");
        assertThat(set.check("はか", null).clean()).isTrue();
        assertThat(set.check("ハカ", null).clean()).isTrue();
    }

    @Test
    void turkish_dotted_and_dotless_i_german_sharp_s_and_greek_final_sigma_fold_like_their_plain_forms() {
        RuleSet idiot = set(keywords("idiot", BLOCK, "idiot"));
        assertThat(spans(idiot.check("İDİOT", null))).containsExactly("İDİOT@0-5");
        assertThat(spans(idiot.check("ıdıot", null))).containsExactly("ıdıot@0-5");
        assertThat(spans(idiot.check("i\u0307diot", null))).containsExactly("i\u0307diot@0-6");

        RuleSet street = set(keywords("street", MASK, "strasse"));
        assertThat(spans(street.check("Straße!", null))).containsExactly("Straße@0-6");
        assertThat(street.check("Straße!", null).text()).isEqualTo("******!");
        assertThat(set(keywords("sharp", FLAG, "straße")).check("STRASSE", null).hits()).hasSize(1);

        assertThat(set(keywords("greek", FLAG, "λογος")).check("ΛΟΓΟΣ λόγος", null).hits()).hasSize(2);
    }

    @Test
    void ligatures_and_compatibility_characters_match_what_they_stand_for_and_are_masked_whole() {
        RuleSet fix = set(keywords("fix", MASK, "fix"));
        assertThat(spans(fix.check("ﬁx it", null))).containsExactly("ﬁx@0-2");
        assertThat(fix.check("ﬁx it", null).text()).isEqualTo("** it");
        assertThat(PROFANITY.check("ⓕⓤⓒⓚ", null).text()).isEqualTo("****");

        RuleSet heisei = set(keywords("era", FLAG, "成"));
        assertThat(spans(heisei.check("㍻元年", null))).containsExactly("㍻@0-1");
    }

    @Test
    void a_match_inside_a_ligature_respects_the_letters_the_ligature_folds_to() {
        assertThat(set(keywords("i", FLAG, "i")).check("ﬁ", null).clean()).isTrue();
        assertThat(spans(set(keywords("fi", FLAG, "fi")).check("ﬁ", null))).containsExactly("ﬁ@0-1");
    }

    @Test
    void a_keyword_written_with_spaces_or_punctuation_is_matched_on_its_letters() {
        RuleSet set = set(keywords("phrase", FLAG, "Fuck You", "s.h.i.t"));
        assertThat(spans(set.check("fuckyou and shit", null))).containsExactly("fuckyou@0-7", "shit@12-16");
    }

    @Test
    void a_keyword_in_several_rules_hits_once_per_rule_and_twice_in_one_rule_counts_once() {
        RuleSet set = set(keywords("spam", FLAG, "spam", "SPAM", "s p a m"), keywords("hidden", MASK, "spam"));
        Verdict verdict = set.check("no spam", null);
        assertThat(Rules.ruleNames(verdict)).containsExactly("spam", "hidden");
        assertThat(verdict.flagged()).isTrue();
        assertThat(verdict.masked()).isTrue();
        assertThat(verdict.blocked()).isFalse();
        assertThat(verdict.text()).isEqualTo("no ****");
        assertThat(set.keywordCount()).isEqualTo(4);
    }

    @Test
    void broken_utf16_is_read_as_separators_and_kept_as_it_was() {
        Verdict verdict = PROFANITY.check("\uDC00fu\uD800ck\uD800", null);
        assertThat(spans(verdict)).containsExactly("fu\uD800ck@1-6");
        assertThat(verdict.text()).isEqualTo("\uDC00*****\uD800");
    }

    @Test
    void leetspeak_is_not_undone() {
        assertThat(set(keywords("ass", FLAG, "ass")).check("a$$ a55", null).clean()).isTrue();
    }

    @Test
    void clean_text_comes_back_as_the_same_string() {
        String text = "a perfectly clean message, 完全没有问题";
        Verdict verdict = set(keywords("rude", MASK, "fuck", "傻逼")).check(text, null);
        assertThat(verdict.clean()).isTrue();
        assertThat(verdict.text()).isSameAs(text);
        assertThat(PROFANITY.check("", null).clean()).isTrue();
    }

    @Test
    void a_flag_or_block_hit_leaves_the_text_as_it_was() {
        String text = "you idiot";
        Verdict verdict = set(keywords("idiot", BLOCK, "idiot")).check(text, null);
        assertThat(verdict.blocked()).isTrue();
        assertThat(verdict.masked()).isFalse();
        assertThat(verdict.text()).isSameAs(text);
    }
}
