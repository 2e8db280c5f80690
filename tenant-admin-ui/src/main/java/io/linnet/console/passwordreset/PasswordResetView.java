package io.linnet.console.passwordreset;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.linnet.console.component.CardPage;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.account.AccountRules;
import io.linnet.tenancy.account.PasswordReset;

/**
 * Where a password-reset link leads: the account's owner chooses a new password (the sign-up rules
 * apply), then signs in with it. Open to anyone, since holding the one-time token is the proof.
 */
@Route(value = "password-reset/:token", autoLayout = false)
@PageTitle("New password · Linnet")
@AnonymousAllowed
public class PasswordResetView extends CardPage implements BeforeEnterObserver {

    private final PasswordReset resets;

    public PasswordResetView(PasswordReset resets) {
        this.resets = resets;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        card.removeAll();
        resets.find(token).ifPresentOrElse(pending -> showForm(token, pending.email()), this::showInvalid);
    }

    private void showForm(String token, String email) {
        H2 title = new H2("Choose a new password");
        title.setId("reset-title");
        Paragraph who = new Paragraph("For " + email + ". Once it is set, this link stops working and the account "
                + "is signed out everywhere.");
        who.setId("reset-details");
        PasswordField password = new PasswordField("New password");
        password.setId("reset-password");
        password.setHelperText("At least " + AccountRules.MIN_PASSWORD + " characters");
        password.setRequired(true);
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("reset-password-again");
        repeat.setRequired(true);
        FormLayout form = new FormLayout(password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Button set = new Button("Set new password");
        set.setId("set-new-password");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        set.addClickShortcut(Key.ENTER);
        set.addClickListener(click -> {
            password.setInvalid(false);
            repeat.setInvalid(false);
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two passwords differ");
                repeat.setInvalid(true);
                return;
            }
            try {
                resets.complete(token, password.getValue(), SignedInAccount.sourceAddress());
                showDone(email);
            } catch (DomainException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    card.removeAll();
                    showInvalid();
                } else {
                    password.setErrorMessage(e.getMessage());
                    password.setInvalid(true);
                }
            }
        });
        card.add(title, who, form, set);
    }

    private void showDone(String email) {
        card.removeAll();
        H2 title = new H2("Your password is set");
        title.setId("reset-done");
        Anchor signIn = new Anchor("login", "Sign in");
        signIn.setId("sign-in-link");
        signIn.addClassName("primary-link");
        card.add(title, new Paragraph("Sign in as " + email + " with your new password."), signIn);
    }

    private void showInvalid() {
        H2 title = new H2("This reset link does not work");
        title.setId("reset-invalid");
        card.add(title, new Paragraph("It may have expired (links last 24 hours), been used already, or been replaced "
                + "by a newer one. Ask a Linnet operator for a new link."), new Anchor("login", "Go to sign-in"));
    }
}
