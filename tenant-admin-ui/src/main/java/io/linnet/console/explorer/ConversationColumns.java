package io.linnet.console.explorer;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.component.Times;
import io.linnet.messaging.ConversationSummary;
import io.linnet.messaging.ConversationType;

/** The columns of a list of conversations, on the conversations page and on a user's page. */
final class ConversationColumns {

    private ConversationColumns() {
    }

    static void addTo(Grid<ConversationSummary> grid, ExplorerApp explorer) {
        grid.addComponentColumn(conversation -> new RouterLink(title(conversation), ConversationView.class,
                        explorer.parameters("conversationId", conversation.id().toString())))
                .setHeader("Conversation").setWidth("12rem").setFlexGrow(2).setPartNameGenerator(c -> "wrap-anywhere");
        grid.addColumn(conversation -> conversation.type().wireName()).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ConversationSummary::memberCount).setHeader("Members").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ConversationSummary::lastSeq).setHeader("Messages").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(conversation -> Times.format(conversation.lastActivityAt())).setHeader("Last activity (UTC)")
                .setAutoWidth(true).setFlexGrow(0);
    }

    /** A group by its name; a direct conversation (which has none) as such, with its id to tell it apart. */
    static String title(ConversationSummary conversation) {
        if (conversation.name() != null) {
            return conversation.name();
        }
        String kind = conversation.type() == ConversationType.DIRECT ? "Direct" : "Group";
        return kind + " " + conversation.id().toString().substring(0, 8) + "…";
    }
}
