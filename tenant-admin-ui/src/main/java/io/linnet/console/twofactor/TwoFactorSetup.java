package io.linnet.console.twofactor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.linnet.console.component.CopyField;
import io.linnet.console.component.Feedback;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.account.TwoFactor;

import java.util.List;

/**
 * Two-factor sign-in on the account page. Off: a button starts the set-up, which shows the secret
 * (to type into an authenticator app, or as an {@code otpauth://} link) and asks for the first code;
 * only a right code turns it on, and then the ten recovery codes are shown, once. On: a code (or a
 * recovery code) turns it off.
 */
public class TwoFactorSetup extends Composite<VerticalLayout> {

    private final SignedInAccount signedIn;
    private final TwoFactor twoFactor;

    public TwoFactorSetup(SignedInAccount signedIn, TwoFactor twoFactor) {
        this.signedIn = signedIn;
        this.twoFactor = twoFactor;
        getContent().setPadding(false);
        getContent().setId("two-factor");
        show();
    }

    private void show() {
        getContent().removeAll();
        if (twoFactor.enabled(signedIn.actor())) {
            showOn();
        } else {
            showOff();
        }
    }

    private void showOff() {
        Span status = badge("OFF", "badge contrast");
        Button start = new Button("Turn on", click -> Feedback.attempt(() -> twoFactor.start(signedIn.actor()))
                .ifPresent(this::showEnrolment));
        start.setId("two-factor-start");
        getContent().add(line(status, new Span("Sign-in asks only for your password.")), start);
    }

    private void showEnrolment(TwoFactor.Enrolment enrolment) {
        getContent().removeAll();
        TextField code = codeField("two-factor-code", "First code from the app");
        Button confirm = new Button("Confirm and turn on", click -> {
            try {
                List<String> recovery = twoFactor.confirm(signedIn.actor(), code.getValue());
                showRecoveryCodes(recovery);
            } catch (DomainException e) {
                code.setErrorMessage("That code is not right: check the app's time and try the current code");
                code.setInvalid(true);
            }
        });
        confirm.setId("two-factor-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> show());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Anchor uri = new Anchor();
        uri.setText("Open in an authenticator app on this device");
        // Vaadin refuses unknown schemes in links; this one is built here, from our own secret
        uri.setUnsafeHref(enrolment.uri());
        uri.setId("two-factor-uri");
        getContent().add(
                new Paragraph("Add Linnet to your authenticator app (any TOTP app): type in the secret below, "
                        + "or open the link on the device that has the app. Then enter the 6-digit code it shows."),
                new CopyField("Secret (base32)", enrolment.secret(), "two-factor-secret"), uri,
                code, line(confirm, cancel));
    }

    private void showRecoveryCodes(List<String> codes) {
        getContent().removeAll();
        Pre list = new Pre(String.join("\n", codes));
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        Button done = new Button("I have saved them", click -> show());
        done.setId("recovery-codes-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(line(badge("ON", "badge success"), new Span("Two-factor sign-in is on.")),
                new Paragraph("Your recovery codes: each lets you sign in once without the app. Save them somewhere "
                        + "safe now; they are not shown again."), list, done);
    }

    private void showOn() {
        TextField code = codeField("two-factor-off-code", "Code or recovery code");
        Button off = new Button("Turn off", click -> {
            try {
                twoFactor.disable(signedIn.actor(), code.getValue());
                show();
            } catch (DomainException e) {
                code.setErrorMessage("That code is not right");
                code.setInvalid(true);
            }
        });
        off.setId("two-factor-disable");
        off.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getContent().add(line(badge("ON", "badge success"),
                new Span("Sign-in asks for a code from your authenticator app after your password.")), line(code, off));
    }

    private static TextField codeField(String id, String label) {
        TextField code = new TextField(label);
        code.setId(id);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        return code;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.setId("two-factor-status");
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private static HorizontalLayout line(Component... parts) {
        HorizontalLayout line = new HorizontalLayout(parts);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return line;
    }
}
