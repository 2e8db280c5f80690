package io.linnet.console.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.linnet.console.component.CopyField;

/** Shows an owner's fresh invitation link once, for the operator to pass on (the old link no longer works). */
class OwnerInvitationDialog extends Dialog {

    OwnerInvitationDialog(String email, String link) {
        setId("owner-invitation-dialog");
        setHeaderTitle("New invitation for " + email);
        setWidth("32rem");
        add(new Paragraph("Send this link to " + email + ". It sets the owner's password, works once, and expires "
                        + "in 7 days; the earlier link no longer works. It is shown only now."),
                new CopyField("Invitation link", link, "invitation-link"));
        Button done = new Button("Done", event -> close());
        done.setId("invitation-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
