package io.linnet.console.component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A page outside the console's frame, for someone not (or not yet fully) signed in: the brand and
 * one centred card, as on an invitation, a password-reset link or the sign-in code step.
 */
public abstract class CardPage extends VerticalLayout {

    protected final Div card = new Div();

    protected CardPage() {
        addClassName("invitation-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        card.addClassName("invitation-card");
        add(new H1("Linnet"), card);
    }
}
