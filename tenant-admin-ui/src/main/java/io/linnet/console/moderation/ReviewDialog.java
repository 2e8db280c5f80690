package io.linnet.console.moderation;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.linnet.console.component.Times;
import io.linnet.messaging.Message;
import io.linnet.moderation.ReviewItem;
import io.linnet.moderation.ReviewQueue;
import io.linnet.moderation.ReviewStatus;

/**
 * One queued message in its context: why it is queued and what was decided, then the messages
 * around it in its conversation, itself highlighted, so that a moderator judges it as its readers
 * saw it. The view adds the decisions to the footer.
 */
class ReviewDialog extends Dialog {

    ReviewDialog(ReviewQueue.InContext inContext) {
        ReviewItem item = inContext.item();
        setId("review-dialog");
        setHeaderTitle("Message from " + item.senderId());
        setWidth("52rem");
        setMaxWidth("calc(100vw - 2rem)");

        Div facts = new Div(ReviewSummary.statusBadge(item), new Span("Sent " + Times.format(item.sentAt()) + " UTC in "
                + "conversation " + item.conversationId()));
        facts.addClassName("review-facts");
        add(facts);
        if (item.flagged()) {
            add(new Paragraph("Flagged by " + String.join(", ", item.flaggedBy()) + ", which matched "
                    + String.join(", ", item.matched().stream().map(matched -> "“" + matched + "”").toList()) + "."));
        }
        if (!item.reports().isEmpty()) {
            Div reports = new Div();
            reports.setId("review-reports");
            reports.addClassName("review-reports");
            item.reports().forEach(report -> reports.add(new Div(new Span(report.reporterId().value()),
                    new Span(report.reason()), new Span(Times.format(report.reportedAt())))));
            add(new Paragraph(item.reportCount() == 1 ? "Reported once:" : "Reported " + item.reportCount() + " times:"),
                    reports);
        }
        if (item.status() != ReviewStatus.OPEN) {
            Paragraph decided = new Paragraph(ReviewSummary.statusLabel(item.status()) + " by " + item.decidedBy() + " on "
                    + Times.format(item.decidedAt()) + " UTC: " + item.decisionReason());
            decided.setId("review-decision");
            add(decided);
        }
        add(new H4("In its conversation"), context(inContext));
    }

    private static Div context(ReviewQueue.InContext inContext) {
        Div messages = new Div();
        messages.setId("review-context");
        messages.addClassName("review-context");
        for (Message message : inContext.context()) {
            boolean queued = message.seq() == inContext.item().seq();
            Span text = new Span(ReviewSummary.text(message.body(), message.recalledAt()));
            text.addClassName("context-text");
            Span at = new Span(Times.format(message.createdAt()).substring(11));
            at.setTitle(Times.format(message.createdAt()) + " UTC");
            Div row = new Div(at, new Span(message.senderId().value()), text);
            row.setId("context-" + message.seq());
            row.addClassName("context-message");
            if (queued) {
                row.addClassName("queued");
                row.getElement().setAttribute("aria-current", "true");
                Span marker = new Span("under review");
                marker.getElement().getThemeList().add("badge small");
                row.add(marker);
            }
            messages.add(row);
        }
        return messages;
    }
}
