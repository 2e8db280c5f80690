package io.linnet.console.appkey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.FieldErrors;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.appkey.AppKey;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Asks for a new key's name and scopes; stays open when the services refuse, e.g. a third live key, with the reason
 * below the form. A name is required and must differ from the app's other live keys: the list tells keys apart by
 * name, and two keys called "default" cannot be told apart when one has to be revoked.
 */
class CreateKeyDialog extends Dialog {

    /** {@code create} creates the key or throws the services' refusal; {@code liveNames} are the app's live keys' names. */
    CreateKeyDialog(App app, Collection<String> liveNames, BiConsumer<String, Set<String>> create) {
        setId("create-key-dialog");
        setHeaderTitle("New key for " + app.name());
        setWidth("30rem");

        TextField name = new TextField("Name");
        name.setId("key-name");
        name.setPlaceholder("backend");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("What uses it, e.g. \"backend\" or \"ci\"");
        CheckboxGroup<String> scopes = new CheckboxGroup<>("Scopes");
        scopes.setId("key-scopes");
        scopes.setItems(AppKey.SCOPES);
        scopes.setValue(Set.copyOf(AppKey.SCOPES));
        scopes.setHelperText("What the key may use of the API");
        FormLayout form = new FormLayout(name, scopes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        FieldErrors errors = new FieldErrors("create-key-error").on("name", name).on("scopes", scopes);
        add(form, errors.general());
        Set<String> taken = liveNames.stream().map(live -> live.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());

        Button ok = new Button("Create key", event -> {
            String chosen = name.getValue().strip();
            if (chosen.isEmpty()) {
                errors.reject(name, "Enter a name, e.g. what uses the key");
            } else if (taken.contains(chosen.toLowerCase(Locale.ROOT))) {
                errors.reject(name, "This app already has a live key named \"" + chosen + "\"");
            } else if (scopes.getValue().isEmpty()) {
                errors.reject(scopes, "Pick at least one scope");
            } else if (errors.attempt(() -> {
                create.accept(chosen, scopes.getValue());
                return true;
            }).isPresent()) {
                close();
            }
        });
        ok.setId("create-key-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> close());
        cancel.setId("create-key-cancel");
        getFooter().add(cancel, ok);
    }
}
