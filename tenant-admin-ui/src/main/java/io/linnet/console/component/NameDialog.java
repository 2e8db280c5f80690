package io.linnet.console.component;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.tenancy.DomainException;

import java.util.function.Predicate;

/**
 * Asks for one name (of a new app, a key, ...). The dialog stays open when {@code save} answers
 * false or the services refuse the name, so that the user can correct it: the reason shows under the
 * field ("name must be ...") or below it (a name already taken, a limit), never as a pop-up.
 */
public class NameDialog extends Dialog {

    private final TextField name = new TextField();
    private final FieldErrors errors;

    public NameDialog(String title, String label, String initial, String saveText, String idPrefix,
                      Predicate<String> save) {
        setId(idPrefix + "-dialog");
        errors = new FieldErrors(idPrefix + "-error").on("name", name);
        setHeaderTitle(title);
        setWidth("28rem");
        name.setLabel(label);
        name.setValue(initial);
        name.setId(idPrefix + "-name");
        name.setWidthFull();
        name.setAutoselect(true);
        add(name, errors.general());

        Button ok = new Button(saveText, event -> {
            if (name.getValue().isBlank()) {
                errors.reject(name, "Enter a name");
                return;
            }
            errors.clear();
            try {
                if (save.test(name.getValue())) {
                    close();
                }
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
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
