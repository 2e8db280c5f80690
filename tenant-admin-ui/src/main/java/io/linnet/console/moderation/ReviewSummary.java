package io.linnet.console.moderation;

import com.vaadin.flow.component.html.Span;
import io.linnet.moderation.ReviewItem;
import io.linnet.moderation.ReviewStatus;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a queued message reads in the console: what it says, why it is queued, and where it stands. */
final class ReviewSummary {

    static final int PREVIEW_LENGTH = 140;

    private ReviewSummary() {
    }

    /**
     * What a message says: its text; "(recalled)" or "(erased)" once it is gone; its kind
     * ("[image]") when it has no text; "(no longer stored)" when the message itself is gone.
     */
    static String text(JsonNode body, Instant recalledAt) {
        if (recalledAt != null) {
            return "(recalled)";
        }
        if (body == null || body.isNull() || body.isMissingNode()) {
            return "(no longer stored)";
        }
        String type = body.path("type").asString("");
        if (type.equals("recalled") || type.equals("erased")) {
            return "(" + type + ")";
        }
        JsonNode text = body.path("text");
        if (text.isString() && !text.asString().isBlank()) {
            return text.asString();
        }
        return "[" + (type.isBlank() ? "message" : type) + "]";
    }

    /** {@link #text} cut to one line of the list. */
    static String preview(ReviewItem item) {
        String text = text(item.body(), item.recalledAt()).replaceAll("\\s+", " ").strip();
        return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH - 1) + "…";
    }

    /** Why it is queued, e.g. "Flagged by Meet offline · 2 reports: rude, spam". */
    static String why(ReviewItem item) {
        List<String> parts = new ArrayList<>();
        if (item.flagged()) {
            parts.add("Flagged by " + String.join(", ", item.flaggedBy()));
        }
        if (item.reportCount() > 0) {
            List<String> reasons = item.reports().stream().map(ReviewItem.Report::reason).distinct().toList();
            parts.add(item.reportCount() + (item.reportCount() == 1 ? " report" : " reports")
                    + (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons)));
        }
        return String.join(" · ", parts);
    }

    static Span statusBadge(ReviewItem item) {
        Span badge = new Span(statusLabel(item.status()));
        badge.setId("status-" + item.messageId());
        badge.getElement().getThemeList().add(switch (item.status()) {
            case OPEN -> "badge";
            case APPROVED -> "badge success";
            case RECALLED -> "badge error";
        });
        return badge;
    }

    static String statusLabel(ReviewStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case APPROVED -> "Approved";
            case RECALLED -> "Recalled";
        };
    }
}
