package io.linnet.console.moderation;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.linnet.messaging.ConversationType;
import io.linnet.moderation.RuleAction;
import io.linnet.moderation.Verdict;
import io.linnet.tenancy.DomainException;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The "try a text" box: as the admin types, it shows what the rules in force would do to the text
 * sent in a conversation of the chosen type: blocked, masked, flagged or delivered as is, the text
 * as it would be stored, and which rule matched what. The pre-send hook is not asked.
 */
class TryText extends Composite<Div> {

    private final BiFunction<String, Optional<ConversationType>, Verdict> check;
    private final TextArea text = new TextArea("Message");
    private final Select<ConversationType> type = new Select<>();
    private final Div outcome = new Div();
    private final Div stored = new Div();
    private final Div hits = new Div();
    private final Paragraph hint = new Paragraph();

    /** @param check what the rules do to a text; throws {@link DomainException} when it refuses the text */
    TryText(BiFunction<String, Optional<ConversationType>, Verdict> check) {
        this.check = check;
        text.setId("try-text");
        text.setWidthFull();
        text.setMinRows(3);
        text.setPlaceholder("Type or paste a message");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(250);
        text.addValueChangeListener(event -> refresh());
        type.setId("try-type");
        type.setLabel("Sent in");
        type.setItems(ConversationType.values());
        type.setItemLabelGenerator(t -> t == null ? "Any conversation" : t == ConversationType.GROUP ? "A group" : "A direct conversation");
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("Any conversation");
        type.addValueChangeListener(event -> refresh());
        outcome.setId("try-outcome");
        outcome.addClassName("try-outcome");
        outcome.getElement().setAttribute("aria-live", "polite");
        stored.setId("try-stored");
        stored.addClassName("try-stored");
        hits.setId("try-hits");
        hits.addClassName("try-hits");
        hint.addClassName("try-hint");

        Div card = getContent();
        card.setId("try-a-text");
        card.addClassNames("moderation-card", "try-a-text");
        card.add(new H3("Try a text"), new Paragraph("See what the rules in force would do to a message. The pre-send "
                + "hook is not asked."), text, type, hint, outcome, stored, hits);
        refresh();
    }

    /** Checks the text again, e.g. after the rules changed. */
    void refresh() {
        outcome.removeAll();
        stored.removeAll();
        hits.removeAll();
        String typed = text.getValue();
        if (typed.isEmpty()) {
            show("Type a message to see what happens to it.");
            return;
        }
        Verdict verdict;
        try {
            verdict = check.apply(typed, Optional.ofNullable(type.getValue()));
        } catch (DomainException refused) {
            show(refused.getMessage());
            return;
        }
        show(null);
        outcomes(verdict).forEach(outcome::add);
        if (verdict.blocked()) {
            stored.add(new Span("Nothing is stored or delivered: the sender gets the error message_blocked."));
        } else {
            Span as = new Span(verdict.text());
            as.setId("try-stored-text");
            as.addClassName("try-stored-text");
            stored.add(new Span(verdict.masked() ? "Stored and delivered as " : "Stored and delivered unchanged: "), as);
        }
        for (Verdict.Hit hit : verdict.hits()) {
            Span matched = new Span("“" + hit.matched() + "”");
            matched.addClassName("try-matched");
            Div row = new Div(RuleLabels.badge(RuleLabels.action(hit.action()), hit.action()), new Span(hit.ruleName()),
                    matched);
            row.addClassName("try-hit");
            hits.add(row);
        }
    }

    private void show(String message) {
        hint.setText(message == null ? "" : message);
        hint.setVisible(message != null);
    }

    /** The outcome as badges: "Blocked" alone when a block rule hit, else "Masked" and/or "Flagged", else "Delivered as is". */
    static List<Span> outcomes(Verdict verdict) {
        if (verdict.blocked()) {
            return List.of(RuleLabels.badge("Blocked", RuleAction.BLOCK));
        }
        if (verdict.clean()) {
            Span delivered = new Span("Delivered as is");
            delivered.getElement().getThemeList().add("badge success");
            return List.of(delivered);
        }
        return Stream.of(RuleAction.MASK, RuleAction.FLAG)
                .filter(action -> action == RuleAction.MASK ? verdict.masked() : verdict.flagged())
                .map(action -> RuleLabels.badge(action == RuleAction.MASK ? "Masked" : "Flagged", action))
                .toList();
    }
}
