package io.linnet.console.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.linnet.console.component.FieldErrors;
import io.linnet.tenancy.DomainException;

/**
 * Asks before an action on a plan or an invoice (retire, delete, issue, mark paid) and carries it out.
 * When the services refuse it (a plan tenants were on cannot be deleted, an invoice moved on
 * meanwhile), the reason shows in the dialog, which stays open; it closes once the action is done.
 */
class ActionDialog extends Dialog {

    /** The action; throws {@link DomainException} when the services refuse it. */
    @FunctionalInterface
    interface Action {
        void run();
    }

    private final FieldErrors errors;
    private final Button confirm;
    private Component alternative;

    /**
     * @param id prefix of the ids: {@code <id>-dialog}, {@code <id>-confirm}, {@code <id>-cancel}, {@code <id>-error}
     */
    ActionDialog(String id, String title, String explanation, String confirmText, boolean destructive, Action action,
                 Runnable done) {
        setId(id + "-dialog");
        setHeaderTitle(title);
        setWidth("32rem");
        errors = new FieldErrors(id + "-error");
        Paragraph text = new Paragraph(explanation);
        text.setId(id + "-text");
        add(text, errors.general());

        confirm = new Button(confirmText, event -> {
            errors.clear();
            try {
                action.run();
                close();
                done.run();
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
                offerAlternative();
            }
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (destructive) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId(id + "-cancel");
        getFooter().add(cancel, confirm);
    }

    /** Adds a way out shown only once the action is refused, e.g. "Retire instead" for a plan in use. */
    ActionDialog onRefusal(Component alternative) {
        this.alternative = alternative;
        alternative.setVisible(false);
        getFooter().addComponentAtIndex(0, alternative);
        return this;
    }

    private void offerAlternative() {
        if (alternative != null) {
            alternative.setVisible(true);
            confirm.setEnabled(false);
        }
    }
}
