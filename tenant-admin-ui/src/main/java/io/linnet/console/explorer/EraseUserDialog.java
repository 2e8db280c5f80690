package io.linnet.console.explorer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.linnet.console.component.Feedback;
import io.linnet.messaging.UserId;

/**
 * Asks before a user is erased: erasing deletes them and the content of every message they sent,
 * which nothing brings back, so the member types the user's id to confirm rather than clicking twice.
 */
class EraseUserDialog extends Dialog {

    EraseUserDialog(UserId user, Runnable erase) {
        setId("erase-user-dialog");
        setHeaderTitle("Erase " + user + "?");
        setWidth("32rem");
        Paragraph effect = new Paragraph("The user, their memberships and their tokens are deleted, and every message "
                + "they sent keeps its place but loses its content. This cannot be undone.");
        TextField confirmation = new TextField("Type the user id to confirm");
        confirmation.setId("erase-user-id");
        confirmation.setWidthFull();
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button("Erase", click -> {
            if (Feedback.succeeded(erase)) {
                close();
            }
        });
        confirm.setId("erase-user-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirmation.addValueChangeListener(change -> confirm.setEnabled(user.value().equals(change.getValue().strip())));
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("erase-user-cancel");
        add(effect, confirmation);
        getFooter().add(cancel, confirm);
    }
}
