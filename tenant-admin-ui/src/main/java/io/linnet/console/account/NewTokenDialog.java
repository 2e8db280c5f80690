package io.linnet.console.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.CopyField;
import io.linnet.tenancy.account.PersonalAccessToken;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/** Names a new personal access token and its lifetime, then shows its value once. */
class NewTokenDialog extends Dialog {

    private static final String NEVER = "Never";

    NewTokenDialog(BiFunction<String, Optional<Duration>, Optional<PersonalAccessToken.Created>> create) {
        setId("new-token-dialog");
        setHeaderTitle("New personal access token");
        setWidth("34rem");

        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setPlaceholder("e.g. deploy script");
        name.setWidthFull();
        name.setRequiredIndicatorVisible(true);
        Select<String> expires = new Select<>();
        expires.setLabel("Expires after");
        expires.setItems("30 days", "90 days", "365 days", NEVER);
        expires.setValue("90 days");
        expires.setId("token-expiry");
        add(name, expires);

        Button cancel = new Button("Cancel", event -> close());
        Button createButton = new Button("Create token");
        createButton.setId("create-token");
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.addClickListener(event -> {
            // a token without a name cannot be told apart from the others when one has to be revoked
            if (name.getValue().isBlank()) {
                name.setErrorMessage("Enter a name, e.g. what uses the token");
                name.setInvalid(true);
                return;
            }
            name.setInvalid(false);
            create.apply(name.getValue(), lifetime(expires.getValue())).ifPresent(created -> showOnce(created.value()));
        });
        getFooter().add(cancel, createButton);
    }

    private void showOnce(String value) {
        removeAll();
        getFooter().removeAll();
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        Div warning = new Div(VaadinIcon.WARNING.create(),
                new Span("Copy the token now. It will never be shown again: if you lose it, revoke it and make a new one."));
        warning.addClassName("secret-warning");
        CopyField token = new CopyField("Token", value, "new-token-value");
        token.addClassName("secret-box");
        add(warning, token);
        Button done = new Button("I have stored the token", event -> {
            token.clear();
            close();
        });
        done.setId("token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private static Optional<Duration> lifetime(String choice) {
        return NEVER.equals(choice) ? Optional.empty() : Optional.of(Duration.ofDays(Long.parseLong(choice.split(" ")[0])));
    }
}
