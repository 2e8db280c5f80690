package io.linnet.console.tenant;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.CopyField;
import io.linnet.console.component.Feedback;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.account.AccountRules;
import io.linnet.tenancy.account.InvitationLinks;
import io.linnet.tenancy.tenant.CreatedTenant;
import io.linnet.tenancy.tenant.TenantManagement;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates a tenant with its owner. Without a password the owner is invited instead, and the dialog
 * then shows the one-time invitation link for the operator to pass on.
 */
class NewTenantDialog extends Dialog {

    private final TenantManagement tenants;
    private final SignedInAccount signedIn;
    private final InvitationLinks links;
    private final Consumer<CreatedTenant> onCreated;
    private final TextField name = new TextField("Tenant name");
    private final EmailField ownerEmail = new EmailField("Owner e-mail");
    private final PasswordField ownerPassword = new PasswordField("Owner password (optional)");
    private final Button create = new Button("Create tenant");
    private final Button cancel = new Button("Cancel", event -> close());

    NewTenantDialog(TenantManagement tenants, SignedInAccount signedIn, InvitationLinks links,
                    Consumer<CreatedTenant> onCreated) {
        this.tenants = tenants;
        this.signedIn = signedIn;
        this.links = links;
        this.onCreated = onCreated;
        setId("new-tenant-dialog");
        setHeaderTitle("New tenant");
        setWidth("32rem");

        name.setId("tenant-name");
        name.setRequired(true);
        name.setPlaceholder("Acme Chat");
        ownerEmail.setId("owner-email");
        ownerEmail.setRequiredIndicatorVisible(true);
        ownerEmail.setPlaceholder("owner@acme.example");
        ownerPassword.setId("owner-password");
        ownerPassword.setHelperText("Leave empty to invite the owner: you get a one-time link to pass on. "
                + "A password needs at least " + AccountRules.MIN_PASSWORD + " characters.");
        FormLayout form = new FormLayout(name, ownerEmail, ownerPassword);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(event -> create());
        create.addClickShortcut(Key.ENTER);
        getFooter().add(cancel, create);
        addOpenedChangeListener(event -> name.focus());
    }

    private void create() {
        Optional<String> password = Optional.of(ownerPassword.getValue()).filter(p -> !p.isEmpty());
        name.setInvalid(false);
        attempt(() -> tenants.create(signedIn.operator(), name.getValue(), ownerEmail.getValue(), password))
                .ifPresent(created -> {
                    onCreated.accept(created);
                    created.invitation().ifPresentOrElse(
                            invitation -> showInvitation(created, links.linkFor(invitation)),
                            () -> {
                                Feedback.success(created.tenant().name() + " is ready; its owner can sign in");
                                close();
                            });
                });
    }

    /** As {@link Feedback#attempt}, but a name another tenant has is shown at the name field. */
    private Optional<CreatedTenant> attempt(Supplier<CreatedTenant> create) {
        try {
            return Optional.of(create.get());
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.TENANT_NAME_TAKEN) {
                name.setErrorMessage("Tenant " + refused.getMessage());
                name.setInvalid(true);
            } else {
                Feedback.error(refused.getMessage());
            }
            return Optional.empty();
        }
    }

    private void showInvitation(CreatedTenant created, String link) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle(created.tenant().name() + " is ready");
        add(new Paragraph("Send this link to " + created.owner().email() + ". It sets the owner's password, "
                        + "works once, and expires in 7 days. It is shown only now."),
                new CopyField("Invitation link", link, "invitation-link"));
        Button done = new Button("Done", event -> close());
        done.setId("invitation-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
