package io.linnet.console.moderation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import io.linnet.console.component.FieldErrors;
import io.linnet.moderation.ReviewQueue;
import io.linnet.tenancy.DomainException;

import java.util.function.Consumer;

/**
 * Asks for the reason of a moderation decision (approve, recall, mute, ban, lift), which the audit
 * log keeps with it, and carries it out. A refusal shows in the dialog, beside the field it
 * concerns, and the dialog stays open to correct it; it closes once the decision is made.
 */
class ReasonDialog extends Dialog {

    private final FormLayout form = new FormLayout();
    private final TextArea reason = new TextArea("Reason");
    private final FieldErrors errors;

    /**
     * @param id     prefix of the ids: {@code <id>-dialog}, {@code <id>-reason}, {@code <id>-confirm}, {@code <id>-error}
     * @param decide carries the decision out with the reason given; throws {@link DomainException} when refused
     */
    ReasonDialog(String id, String title, String explanation, String confirmText, boolean destructive,
                 Consumer<String> decide) {
        setId(id + "-dialog");
        setHeaderTitle(title);
        setWidth("34rem");
        errors = new FieldErrors(id + "-error").on("reason", reason);
        reason.setId(id + "-reason");
        reason.setWidthFull();
        reason.setMaxLength(ReviewQueue.MAX_REASON);
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("Kept in the audit log with the decision");
        reason.setMinRows(2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(reason, errors.general());
        add(new Paragraph(explanation), form);

        Button confirm = new Button(confirmText, event -> {
            try {
                decide.accept(reason.getValue());
                close();
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
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
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                reason.focus();
            }
        });
    }

    /** Adds fields the decision needs (how long, where) above the reason. */
    ReasonDialog with(Component... fields) {
        for (Component field : fields) {
            form.addComponentAtIndex(form.indexOf(reason), field);
        }
        return this;
    }

    /** Where refusals about the added fields show. */
    FieldErrors errors() {
        return errors;
    }
}
