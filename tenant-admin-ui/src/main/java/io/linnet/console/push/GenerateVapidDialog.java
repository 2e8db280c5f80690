package io.linnet.console.push;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.FieldErrors;
import io.linnet.push.PushCredential;
import io.linnet.tenancy.DomainException;

import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Asks for the subject (and a label) of new VAPID keys, has the services generate them, and hands
 * the new credential on. A refusal is shown on the field it concerns; the dialog stays open.
 */
class GenerateVapidDialog extends Dialog {

    private final TextField subject = new TextField("Subject");
    private final TextField label = new TextField("Label");
    private final FieldErrors errors;

    GenerateVapidDialog(BiFunction<String, String, PushCredential> generate, Consumer<PushCredential> generated) {
        setId("generate-vapid-dialog");
        setHeaderTitle("Generate Web Push VAPID keys");
        setWidth("32rem");
        subject.setId("vapid-subject");
        subject.setPlaceholder("mailto:push@example.com");
        subject.setHelperText("A mailto: address or an https: URL where push services can reach you");
        subject.setWidthFull();
        label.setId("vapid-label");
        label.setPlaceholder("VAPID keys");
        label.setWidthFull();
        FormLayout form = new FormLayout(subject, label);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        errors = new FieldErrors("vapid-error");
        errors.on("subject", subject).on("label", label);
        add(form, errors.general());

        Button ok = new Button("Generate keys", event -> {
            errors.clear();
            try {
                PushCredential credential = generate.apply(label.getValue(), subject.getValue());
                close();
                generated.accept(credential);
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
            }
        });
        ok.setId("vapid-generate");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("vapid-cancel");
        getFooter().add(cancel, ok);
    }
}
