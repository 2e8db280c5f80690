package io.linnet.console.moderation;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import io.linnet.moderation.ReviewItem;
import io.linnet.moderation.ReviewStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewSummaryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static JsonNode body(String json) {
        return JSON.readTree(json);
    }

    private static ReviewItem item(JsonNode body, List<String> flaggedBy, List<ReviewItem.Report> reports) {
        return new ReviewItem(new MessageId(UUID.randomUUID()), new ConversationId(UUID.randomUUID()), 4,
                UserId.of("ann"), body, NOW, null, flaggedBy, List.of("meet offline"), reports.size(), reports,
                ReviewStatus.OPEN, NOW, NOW, null, null, null);
    }

    @Test
    void a_message_reads_as_its_text_or_says_it_is_gone() {
        assertThat(ReviewSummary.text(body("{\"type\":\"text\",\"text\":\"hello\"}"), null)).isEqualTo("hello");
        assertThat(ReviewSummary.text(body("{\"type\":\"text\",\"text\":\"hello\"}"), NOW)).isEqualTo("(recalled)");
        assertThat(ReviewSummary.text(body("{\"type\":\"recalled\"}"), null)).isEqualTo("(recalled)");
        assertThat(ReviewSummary.text(body("{\"type\":\"erased\"}"), null)).isEqualTo("(erased)");
        assertThat(ReviewSummary.text(body("{\"type\":\"image\",\"url\":\"https://x\"}"), null)).isEqualTo("[image]");
        assertThat(ReviewSummary.text(null, null)).isEqualTo("(no longer stored)");
    }

    @Test
    void the_preview_is_one_line_of_limited_length() {
        String long_ = "word ".repeat(60);
        String preview = ReviewSummary.preview(item(body("{\"type\":\"text\",\"text\":\"" + "line one\\nline two " + long_
                + "\"}"), List.of("Rule"), List.of()));
        assertThat(preview).startsWith("line one line two word").endsWith("…").hasSize(ReviewSummary.PREVIEW_LENGTH);
    }

    @Test
    void why_names_the_flagging_rules_and_the_reports_with_their_reasons() {
        ReviewItem.Report rude = new ReviewItem.Report(UserId.of("ben"), "rude", NOW);
        ReviewItem.Report alsoRude = new ReviewItem.Report(UserId.of("cat"), "rude", NOW);
        ReviewItem.Report spam = new ReviewItem.Report(UserId.of("dan"), "spam", NOW);
        JsonNode text = body("{\"type\":\"text\",\"text\":\"hi\"}");

        assertThat(ReviewSummary.why(item(text, List.of("Meet offline", "Contacts"), List.of())))
                .isEqualTo("Flagged by Meet offline, Contacts");
        assertThat(ReviewSummary.why(item(text, List.of(), List.of(rude)))).isEqualTo("1 report: rude");
        assertThat(ReviewSummary.why(item(text, List.of("Meet offline"), List.of(rude, alsoRude, spam))))
                .isEqualTo("Flagged by Meet offline · 3 reports: rude, spam");
    }
}
