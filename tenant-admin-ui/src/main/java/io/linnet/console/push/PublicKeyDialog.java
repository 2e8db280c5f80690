package io.linnet.console.push;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.linnet.console.component.CopyField;
import io.linnet.push.PushCredential;

/**
 * Shows a VAPID key pair's public key, to copy into the web app. It is public by design (every
 * browser that subscribes sees it); the private half is never shown.
 */
class PublicKeyDialog extends Dialog {

    PublicKeyDialog(PushCredential credential, String title) {
        setId("public-key-dialog");
        setHeaderTitle(title);
        setWidth("40rem");
        add(new CopyField("Public key (applicationServerKey)", credential.metadata().getOrDefault("publicKey", ""),
                        "vapid-public-key"),
                new Paragraph("Pass it to pushManager.subscribe({userVisibleOnly: true, applicationServerKey: ...}) "
                        + "in your web app. Subject: " + credential.metadata().getOrDefault("subject", "") + "."),
                new Paragraph("The private key stays on the server and is never shown."));
        Button done = new Button("Done", event -> close());
        done.setId("public-key-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
