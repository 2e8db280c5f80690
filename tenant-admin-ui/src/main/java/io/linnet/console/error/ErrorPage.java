package io.linnet.console.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.linnet.console.component.EmptyState;

/** The body both error pages share: a title, what to do, and a link to the console's start. */
abstract class ErrorPage extends VerticalLayout {

    ErrorPage() {
        addClassName("console-view");
        setId("error-page");
    }

    /** Shows {@code title} and {@code hint}; answers the status the page is sent with. */
    int show(String title, String hint, int status) {
        removeAll();
        Anchor back = new Anchor("", "Back to the start");
        back.setId("error-back");
        back.addClassName("primary-link");
        EmptyState state = new EmptyState(title, hint, back);
        state.setId("error-state");
        add(state);
        return status;
    }
}
