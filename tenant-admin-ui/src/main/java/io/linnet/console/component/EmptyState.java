package io.linnet.console.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/** What a list shows when it has nothing in it yet: what is missing, and what to do about it. */
public class EmptyState extends Div {

    public EmptyState(String title, String hint, Component... actions) {
        addClassName("empty-state");
        add(new H3(title), new Paragraph(hint));
        if (actions.length > 0) {
            Div buttons = new Div(actions);
            buttons.addClassName("empty-state-actions");
            add(buttons);
        }
    }
}
