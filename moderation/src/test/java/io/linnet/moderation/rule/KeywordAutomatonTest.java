package io.linnet.moderation.rule;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordAutomatonTest {

    @Test
    void overlapping_keywords_are_all_found_where_they_end() {
        List<String> keywords = List.of("he", "she", "his", "hers");
        assertThat(found(keywords, "ushers")).containsExactly("she@4", "he@4", "hers@6");
    }

    @Test
    void it_finds_exactly_what_a_naive_search_finds() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Set<String> distinct = new LinkedHashSet<>();
            int count = 1 + random.nextInt(30);
            while (distinct.size() < count) {
                distinct.add(randomText(random, 1 + random.nextInt(5)));
            }
            List<String> keywords = new ArrayList<>(distinct);
            String text = randomText(random, random.nextInt(200));
            assertThat(found(keywords, text)).as(keywords + " in " + text).containsExactlyInAnyOrderElementsOf(naive(keywords, text));
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("ab傻逼\uD83D\uDE00".charAt(random.nextInt(6)));
        }
        return text.toString();
    }

    private static List<String> found(List<String> keywords, String text) {
        KeywordAutomaton automaton = KeywordAutomaton.of(keywords);
        List<String> found = new ArrayList<>();
        automaton.scan(text.toCharArray(), text.length(), (keyword, end) -> found.add(keywords.get(keyword) + "@" + end));
        return found;
    }

    private static List<String> naive(List<String> keywords, String text) {
        List<String> found = new ArrayList<>();
        for (String keyword : keywords) {
            for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
                found.add(keyword + "@" + (at + keyword.length()));
            }
        }
        return found;
    }
}
