package io.linnet.console.component;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Predicate;

/**
 * Asks for one name (of a new app, a key, ...). The dialog stays open when {@code save} answers
 * false, so that the user can correct what the services refused.
 */
public class NameDialog extends Dialog {

    private final TextField name = new TextField();

    public NameDialog(String title, String label, String initial, String saveText, String idPrefix,
                      Predicate<String> save) {
        setId(idPrefix + "-dialog");
        setHeaderTitle(title);
        setWidth("28rem");
        name.setLabel(label);
        name.setValue(initial);
        name.setId(idPrefix + "-name");
        name.setWidthFull();
        name.setAutoselect(true);
        add(name);

        Button ok = new Button(saveText, event -> {
            if (save.test(name.getValue())) {
                close();
            }
        });
        ok.setId(idPrefix + "-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickShortcut(Key.ENTER).listenOn(this);
        getFooter().add(new Button("Cancel", event -> close()), ok);
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                name.focus();
            }
        });
    }

    public TextField nameField() {
        return name;
    }
}
