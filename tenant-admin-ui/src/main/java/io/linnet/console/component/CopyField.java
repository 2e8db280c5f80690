package io.linnet.console.component;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A value to be copied rather than typed: an invitation link or a key's secret. Read-only, so it can
 * be selected but not changed, with a button that puts it on the clipboard.
 */
public class CopyField extends Composite<HorizontalLayout> {

    private final TextField field = new TextField();
    private final Button copy = new Button("Copy", VaadinIcon.COPY.create());

    public CopyField(String label, String value, String id) {
        field.setLabel(label);
        field.setValue(value);
        field.setReadOnly(true);
        field.setId(id);
        field.addClassName("copy-field-value");
        field.addFocusListener(event -> field.getElement().executeJs("this.inputElement.select()"));
        copy.setId(id + "-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        copy.addClickListener(event -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", field.getValue());
            Feedback.success("Copied to the clipboard");
        });
        HorizontalLayout layout = getContent();
        layout.addClassName("copy-field");
        layout.setWidthFull();
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        layout.add(field, copy);
        layout.setFlexGrow(1, field);
    }

    /** Forgets the value, so that a closed dialog keeps no secret in the page. */
    public void clear() {
        field.clear();
    }
}
