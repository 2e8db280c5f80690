package io.linnet.console.explorer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.Times;
import io.linnet.messaging.ConversationReading;
import io.linnet.messaging.HistoryPage;
import io.linnet.messaging.Message;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An opened conversation's messages, newest first, fetched as the grid scrolls. A conversation's
 * seqs have no gaps, so the grid's row {@code n} is the message of seq {@code lastSeq - n}: each
 * fetch is one backward read of the history, and the row count is the latest seq.
 */
class MessageList extends Composite<VerticalLayout> {

    private final ConversationReading.Opened opened;
    private final LongSupplier lastSeq;
    private final Function<Set<UserId>, Map<UserId, String>> names;
    private final Map<UserId, String> knownNames = new HashMap<>();
    private final Grid<Message> grid = new Grid<>(Message.class, false);
    private long shownLastSeq;

    /**
     * @param lastSeq the conversation's latest seq, read afresh
     * @param names   the names of senders, by id
     * @param recall  recalls a message; null when the member may not
     */
    MessageList(ConversationReading.Opened opened, LongSupplier lastSeq, Function<Set<UserId>, Map<UserId, String>> names,
                Consumer<MessageId> recall) {
        this.opened = opened;
        this.lastSeq = lastSeq;
        this.names = names;
        grid.setId("messages");
        grid.setHeight("28rem");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Message::seq).setHeader("Seq").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(message -> knownNames.getOrDefault(message.senderId(), message.senderId().value()))
                .setHeader("Sender").setWidth("8rem").setFlexGrow(1);
        grid.addComponentColumn(MessageList::content).setHeader("Message").setWidth("16rem").setFlexGrow(4);
        grid.addColumn(message -> Times.format(message.createdAt())).setHeader("Sent (UTC)").setAutoWidth(true)
                .setFlexGrow(0);
        if (recall != null) {
            grid.addComponentColumn(message -> recallButton(message, recall)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()), query -> (int) (shownLastSeq = lastSeq.getAsLong()));
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.add(grid);
    }

    /** Shows the latest messages again, e.g. after one was sent or recalled. */
    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Stream<Message> fetch(int offset, int limit) {
        long before = shownLastSeq - offset + 1;
        if (before <= 1 || limit <= 0) {
            return Stream.empty();
        }
        HistoryPage page = opened.before(Optional.of(before), limit);
        List<Message> newestFirst = new ArrayList<>(page.items());
        Collections.reverse(newestFirst);
        Set<UserId> unknown = newestFirst.stream().map(Message::senderId).filter(sender -> !knownNames.containsKey(sender))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            knownNames.putAll(names.apply(unknown));
        }
        return newestFirst.stream();
    }

    private Component recallButton(Message message, Consumer<MessageId> recall) {
        if (message.recalledAt() != null || "erased".equals(type(message.body()))) {
            return new Span();
        }
        Button button = new Button("Recall", click -> {
            if (Feedback.succeeded(() -> recall.accept(message.messageId()))) {
                Feedback.success("Message " + message.seq() + " recalled for everyone");
                refresh();
            }
        });
        button.setId("recall-" + message.seq());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return button;
    }

    /** A message's text; a recalled, erased or custom message says what it is instead. */
    private static Component content(Message message) {
        JsonNode body = message.body();
        String type = type(body);
        Span shown = switch (type) {
            case "text" -> new Span(body.path("text").asString(""));
            case "recalled" -> new Span("(recalled)");
            case "erased" -> new Span("(erased: the sender was deleted with their data)");
            default -> new Span("(" + type + ") " + body.path("data").toString());
        };
        shown.setId("message-" + message.seq());
        shown.addClassName("message-text");
        return shown;
    }

    private static String type(JsonNode body) {
        return body.path("type").asString("");
    }
}
