package io.linnet.console.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/**
 * One headline number on a card: what it counts, the number, and a line that puts it in context
 * ("+25% on yesterday's 8"). A card with details elsewhere is a link as a whole, so it reads as one
 * sentence to a screen reader.
 */
public class StatCard extends Composite<Component> {

    private final Component card;

    /** A card that leads nowhere, e.g. a total. */
    public StatCard(String id, String title, String value, String detail) {
        this(new Div(), id, title, value, detail);
    }

    /** A card that opens {@code route} with {@code parameters} and {@code query}. */
    public StatCard(String id, String title, String value, String detail,
                    Class<? extends Component> route, RouteParameters parameters, QueryParameters query) {
        this(link(route, parameters, query), id, title, value, detail);
    }

    private <C extends Component & HasComponents & HasStyle> StatCard(C card, String id, String title, String value,
                                                                       String detail) {
        this.card = card;
        card.setId(id);
        card.addClassName("stat-card");
        Span heading = new Span(title);
        heading.addClassName("stat-title");
        Span number = new Span(value);
        number.setId(id + "-value");
        number.addClassName("stat-value");
        Span context = new Span(detail);
        context.setId(id + "-detail");
        context.addClassName("stat-detail");
        card.add(heading, number, context);
    }

    @Override
    protected Component initContent() {
        return card;
    }

    /** Marks the card as something to act on, such as credentials about to expire. */
    public StatCard warning(boolean warning) {
        ((HasStyle) card).setClassName("stat-warning", warning);
        return this;
    }

    private static RouterLink link(Class<? extends Component> route, RouteParameters parameters, QueryParameters query) {
        RouterLink link = new RouterLink();
        link.setRoute(route, parameters);
        link.setQueryParameters(query);
        return link;
    }
}
