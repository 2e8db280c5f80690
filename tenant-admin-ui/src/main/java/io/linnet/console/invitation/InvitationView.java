package io.linnet.console.invitation;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.linnet.console.component.CardPage;
import io.linnet.console.component.FieldErrors;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.account.AccountRules;
import io.linnet.tenancy.account.InvitationAcceptance;

/**
 * Where an invitation link leads: the invitee sees which tenant and role it is for, chooses a
 * password, and then signs in. Open to anyone, since holding the one-time token is the proof.
 */
@Route(value = "invitation/:token", autoLayout = false)
@PageTitle("Join · Linnet")
@AnonymousAllowed
public class InvitationView extends CardPage implements BeforeEnterObserver {

    private final InvitationAcceptance invitations;

    public InvitationView(InvitationAcceptance invitations) {
        this.invitations = invitations;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        card.removeAll();
        invitations.find(token).ifPresentOrElse(
                pending -> showForm(token, pending),
                this::showInvalid);
    }

    private void showForm(String token, InvitationAcceptance.PendingInvitation pending) {
        H2 title = new H2("Join " + pending.tenantName());
        title.setId("invitation-tenant");
        Paragraph who = new Paragraph("You are invited as " + Role.parse(pending.role()).label() + " with the e-mail address "
                + pending.email() + ". Choose a password to finish; you then sign in with this address.");
        who.setId("invitation-details");

        PasswordField password = new PasswordField("Password");
        password.setId("invitation-password");
        password.setHelperText("At least " + AccountRules.MIN_PASSWORD + " characters");
        password.setRequired(true);
        PasswordField repeat = new PasswordField("Password again");
        repeat.setId("invitation-password-again");
        repeat.setRequired(true);
        TextField displayName = new TextField("Your name (optional)");
        displayName.setId("invitation-display-name");
        FormLayout form = new FormLayout(password, repeat, displayName);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        FieldErrors errors = new FieldErrors("invitation-error").on("password", password)
                .on("passwordAgain", repeat).on("displayName", displayName);

        Button accept = new Button("Set password and join");
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickShortcut(Key.ENTER);
        accept.addClickListener(click -> {
            if (!password.getValue().equals(repeat.getValue())) {
                errors.reject(repeat, "The two passwords differ");
                return;
            }
            String address = VaadinRequest.getCurrent() == null ? "unknown" : VaadinRequest.getCurrent().getRemoteAddr();
            errors.attempt(() -> invitations.accept(token, password.getValue(), displayName.getValue(), address))
                    .ifPresent(member -> showAccepted(member.email()));
        });
        card.add(title, who, form, errors.general(), accept);
    }

    private void showAccepted(String email) {
        card.removeAll();
        H2 title = new H2("You're in");
        title.setId("invitation-accepted");
        Anchor signIn = new Anchor("login", "Sign in");
        signIn.setId("sign-in-link");
        signIn.addClassName("primary-link");
        card.add(title, new Paragraph("Your password is set. Sign in as " + email + "."), signIn);
    }

    private void showInvalid() {
        H2 title = new H2("This invitation link does not work");
        title.setId("invitation-invalid");
        Anchor signIn = new Anchor("login", "Go to sign-in");
        card.add(title, new Paragraph("It may have expired (links last 7 days), been used already, or been replaced "
                        + "by a newer one. Ask whoever invited you for a new link."), signIn);
    }
}
