package io.linnet.console.appkey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.appkey.AppKey;

import java.util.Set;
import java.util.function.BiPredicate;

/** Asks for a new key's name and scopes; stays open when the services refuse, e.g. a third live key. */
class CreateKeyDialog extends Dialog {

    CreateKeyDialog(App app, BiPredicate<String, Set<String>> create) {
        setId("create-key-dialog");
        setHeaderTitle("New key for " + app.name());
        setWidth("30rem");

        TextField name = new TextField("Name");
        name.setId("key-name");
        name.setPlaceholder("default");
        name.setHelperText("What uses it, e.g. \"backend\" or \"ci\"");
        CheckboxGroup<String> scopes = new CheckboxGroup<>("Scopes");
        scopes.setId("key-scopes");
        scopes.setItems(AppKey.SCOPES);
        scopes.setValue(Set.copyOf(AppKey.SCOPES));
        scopes.setHelperText("What the key may use of the API");
        FormLayout form = new FormLayout(name, scopes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button ok = new Button("Create key", event -> {
            if (scopes.getValue().isEmpty()) {
                scopes.setInvalid(true);
                scopes.setErrorMessage("Pick at least one scope");
                return;
            }
            if (create.test(name.getValue(), scopes.getValue())) {
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
