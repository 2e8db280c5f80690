package io.linnet.bench.moderation;

import io.linnet.moderation.Rule;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.RuleKind;
import io.linnet.moderation.RuleScope;
import io.linnet.moderation.rule.RuleSet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The matcher benchmark's data, the same on every run (fixed seeds): keywords that look like an
 * app's word lists (Latin pseudo-words and Chinese words of 2-4 common characters, the same
 * characters chat text is written in) and chat texts built from everyday English and Chinese
 * phrases, mostly clean, some carrying a keyword, some of those hiding it behind separators.
 */
final class MatcherWorkload {

    /** Common Chinese characters: keywords and text draw on the same ones, as real lists and real chat do. */
    private static final String HAN = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后"
            + "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与"
            + "高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教"
            + "西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白"
            + "应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统";
    private static final String[] SYLLABLES = {"ka", "ro", "mi", "tes", "lun", "bar", "fo", "gi", "shu", "ven", "dal", "pri",
            "xo", "zen", "qua", "wic", "hob", "nep", "tor", "yul"};
    private static final List<String> ENGLISH = List.of("see you tomorrow", "ok", "thanks a lot!", "are you coming to the meeting?",
            "lunch at noon?", "I'll send the file tonight", "haha that's great", "where are you now", "the build is green again",
            "can you review my change", "happy birthday!!", "running 5 min late, sorry", "good morning everyone",
            "did you see the game last night", "let me check and get back to you", "sounds good to me", "what time works for you?",
            "the train was delayed again", "nice photo", "call me when you're free", "I'm at the station", "we need more coffee",
            "thanks, that helped", "who's joining the call?", "weekend plans?");
    private static final List<String> CHINESE = List.of("明天见", "好的", "谢谢你", "我们一起吃饭吧", "今天天气很好", "你到哪里了",
            "我马上就到", "这个问题我来看一下", "晚上有时间吗", "生日快乐！", "开会的时间改到下午三点", "文件已经发给你了", "哈哈哈太好笑了",
            "路上堵车，晚点到", "周末去爬山吗", "收到，谢谢", "这家店的菜很好吃", "我在地铁上", "你看昨天的比赛了吗", "早上好", "辛苦了",
            "大家注意安全", "下班一起走吧", "照片拍得真好", "我明白你的意思");
    private static final String[] EMOJI = {"😀", "👍", "🎉", "😂", "❤️", "🙏🏽"};
    private static final String[] SEPARATORS = {".", " ", "*", "_", "\u200B", "-"};

    private MatcherWorkload() {
    }

    /** {@code count} distinct keywords, half Latin and half Chinese, none found in the everyday phrases. */
    static List<String> keywords(int count) {
        Random random = new Random(20261127);
        String everyday = (String.join(" ", ENGLISH) + String.join("", CHINESE)).toLowerCase(Locale.ROOT);
        Set<String> keywords = new LinkedHashSet<>();
        while (keywords.size() < count) {
            StringBuilder word = new StringBuilder();
            if (keywords.size() % 2 == 0) {
                for (int i = 2 + random.nextInt(3); i > 0; i--) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
            } else {
                for (int i = 2 + random.nextInt(3); i > 0; i--) {
                    word.append(HAN.charAt(random.nextInt(HAN.length())));
                }
            }
            if (!everyday.contains(word)) {
                keywords.add(word.toString());
            }
        }
        return List.copyOf(keywords);
    }

    /** An app's rules with {@code count} keywords: 60 % flagged, 30 % masked, 10 % blocked. */
    static RuleSet rules(int count) {
        if (count == 0) {
            return RuleSet.EMPTY;
        }
        List<String> keywords = keywords(count);
        int flagged = count * 6 / 10;
        int masked = count * 3 / 10;
        return RuleSet.compile(List.of(
                rule("review", RuleAction.FLAG, keywords.subList(0, flagged)),
                rule("mask", RuleAction.MASK, keywords.subList(flagged, flagged + masked)),
                rule("block", RuleAction.BLOCK, keywords.subList(flagged + masked, count))));
    }

    private static Rule rule(String name, RuleAction action, List<String> keywords) {
        return new Rule(name, name, RuleKind.KEYWORDS, keywords, action, RuleScope.ALL, true);
    }

    /**
     * {@code count} chat texts of at least {@code chars} chars and {@code bytes} UTF-8 bytes each: phrases in one language or
     * the other, now and then an emoji; one in ten carries one of the first 100 keywords (so every
     * rule set but the empty one can hit it), half of those with separators between its characters.
     */
    static List<String> texts(int count, int chars, int bytes) {
        Random random = new Random(chars + bytes);
        List<String> hidden = keywords(100);
        List<String> texts = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < chars || utf8Length(text) < bytes) {
                List<String> phrases = random.nextInt(3) == 0 ? CHINESE : ENGLISH;
                if (!text.isEmpty()) {
                    text.append(phrases == CHINESE ? "，" : " ");
                }
                text.append(phrases.get(random.nextInt(phrases.size())));
                if (random.nextInt(8) == 0) {
                    text.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
                }
            }
            if (t % 10 == 0) {
                String keyword = hidden.get(random.nextInt(hidden.size()));
                if (t % 20 == 0) {
                    keyword = String.join(SEPARATORS[random.nextInt(SEPARATORS.length)], keyword.split(""));
                }
                int at = text.lastIndexOf(" ", random.nextInt(text.length()));
                text.insert(at < 0 ? 0 : at + 1, keyword + " ");
            }
            texts.add(text.toString());
        }
        return texts;
    }

    static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
