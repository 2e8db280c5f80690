package io.linnet.console.appkey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.linnet.console.component.CopyField;
import io.linnet.tenancy.appkey.CreatedAppKey;

/**
 * Shows a new key's secret, the only time it is ever shown: Linnet keeps only its hash. The dialog
 * closes only by its button, and forgets the secret when it does.
 */
class SecretDialog extends Dialog {

    SecretDialog(CreatedAppKey created) {
        setId("secret-dialog");
        setHeaderTitle("Your new key");
        setWidth("36rem");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);

        Div warning = new Div(VaadinIcon.WARNING.create(), new Span(
                "Copy the secret now and store it somewhere safe. It will never be shown again: "
                        + "if you lose it, rotate the key."));
        warning.setId("secret-warning");
        warning.addClassName("secret-warning");

        CopyField keyId = new CopyField("Key id (client id)", created.key().id(), "new-key-id");
        CopyField secret = new CopyField("Secret (client secret)", created.secret(), "secret");
        secret.addClassName("secret-box");
        add(warning, keyId, secret, new Paragraph(
                "Your backend exchanges them for an access token: POST /oauth2/token with HTTP Basic "
                        + "(key id and secret) and grant_type=client_credentials."));

        Button done = new Button("I have stored the secret", event -> {
            secret.clear();
            close();
        });
        done.setId("secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
