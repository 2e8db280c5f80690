package io.linnet.console.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The top of a console page: its title, a sentence on what it is for, and the page's main actions
 * on the right. Pass only the actions the signed-in account may use: a hidden button would still be
 * in the page.
 */
public class ViewHeader extends Composite<HorizontalLayout> {

    public ViewHeader(String title, String description, Component... actions) {
        VerticalLayout titles = new VerticalLayout(new H2(title), new Paragraph(description));
        titles.setPadding(false);
        titles.setSpacing(false);
        HorizontalLayout header = getContent();
        header.add(titles);
        header.add(actions);
        header.addClassName("view-header");
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(titles);
    }
}
