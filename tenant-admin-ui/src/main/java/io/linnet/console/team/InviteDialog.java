package io.linnet.console.team;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import io.linnet.console.component.CopyField;
import io.linnet.console.component.FieldErrors;
import io.linnet.tenancy.Role;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Invites a member by e-mail with a role, then shows the one-time invitation link to pass on
 * (Linnet sends no e-mail itself).
 */
class InviteDialog extends Dialog {

    private final EmailField email = new EmailField("E-mail");
    private final Select<Role> role = new Select<>();
    private final FieldErrors errors = new FieldErrors("invite-error").on("email", email).on("role", role);

    /**
     * {@code invite} answers the invitation link; when the services refuse, the reason shows beside the
     * field it concerns (an empty or malformed e-mail) or below the form, and the dialog stays open.
     */
    InviteDialog(List<Role> grantable, BiFunction<String, Role, String> invite) {
        this();
        setHeaderTitle("Invite a member");
        email.setId("invite-email");
        email.setPlaceholder("ada@example.com");
        email.setWidthFull();
        role.setId("invite-role");
        role.setLabel("Role");
        role.setItems(grantable);
        role.setItemLabelGenerator(Role::label);
        role.setValue(grantable.contains(Role.DEVELOPER) ? Role.DEVELOPER : grantable.getFirst());
        role.setHelperText("Admins manage the team; developers manage apps and keys; "
                + "moderators moderate; viewers only look.");
        FormLayout form = new FormLayout(email, role);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, errors.general());

        Button send = new Button("Invite", event -> {
            if (email.getValue().isBlank()) {
                errors.reject(email, "Enter the e-mail address of the person to invite");
                return;
            }
            errors.attempt(() -> invite.apply(email.getValue(), role.getValue()))
                    .ifPresent(link -> showLink(email.getValue(), link));
        });
        send.setId("invite-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), send);
    }

    private InviteDialog() {
        setId("invite-dialog");
        setWidth("34rem");
    }

    /** A dialog that shows a fresh invitation link, e.g. after the link was issued again. */
    static InviteDialog showingLink(String email, String link) {
        InviteDialog dialog = new InviteDialog();
        dialog.showLink(email, link);
        return dialog;
    }

    private void showLink(String address, String link) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Invitation for " + address);
        add(new Paragraph("Send this link to " + address + ". It lets them choose a password once and expires "
                        + "in 7 days. It is shown only now; you can issue a new one from the team list."),
                new CopyField("Invitation link", link, "invitation-link"));
        Button done = new Button("Done", event -> close());
        done.setId("invitation-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
