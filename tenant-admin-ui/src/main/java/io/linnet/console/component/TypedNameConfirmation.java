package io.linnet.console.component;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Asks to type a thing's name before something that cannot be undone, such as deleting an app with its keys: one
 * click on a row is too easy a way to stop every backend that uses them. The button works only once the name
 * typed matches.
 */
public class TypedNameConfirmation extends Dialog {

    /**
     * @param idPrefix ids of the parts: {@code <prefix>-dialog}, {@code <prefix>-name}, {@code <prefix>-confirm}
     * @param confirm  runs on the confirmation; the dialog closes when it answers true
     */
    public TypedNameConfirmation(String idPrefix, String title, String consequences, String name, String confirmText,
                                 java.util.function.BooleanSupplier confirm) {
        setId(idPrefix + "-dialog");
        setHeaderTitle(title);
        setWidth("32rem");
        TextField typed = new TextField("Type \"" + name + "\" to confirm");
        typed.setId(idPrefix + "-name");
        typed.setWidthFull();
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph(consequences), typed);

        Button ok = new Button(confirmText, event -> {
            if (confirm.getAsBoolean()) {
                close();
            }
        });
        ok.setId(idPrefix + "-confirm");
        ok.setEnabled(false);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        typed.addValueChangeListener(event -> ok.setEnabled(name.equals(event.getValue().strip())));
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId(idPrefix + "-cancel");
        getFooter().add(cancel, ok);
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                typed.focus();
            }
        });
    }
}
