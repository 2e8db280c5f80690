package io.linnet.console;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.ObjectProvider;

/** The console's sign-in page, for tenant members and platform operators alike. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Linnet")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final Paragraph singleSignOnRefused = new Paragraph(
            "Single sign-on worked, but there is no active Linnet account for that e-mail address. "
                    + "Ask your tenant's owner for an invitation.");

    public LoginView(ObjectProvider<SingleSignOn> singleSignOn) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(texts());
        singleSignOnRefused.setId("sso-refused");
        singleSignOnRefused.addClassName("login-error");
        singleSignOnRefused.setVisible(false);
        add(new H1("Linnet"), new Paragraph("Chat and push for your apps"), singleSignOnRefused, login);
        singleSignOn.ifAvailable(sso -> {
            // a plain link: the provider's sign-in page is outside the console
            Anchor start = new Anchor(SingleSignOn.START_PATH, "Sign in with " + sso.label());
            start.setId("sso-start");
            start.setRouterIgnore(true);
            start.addClassName("sso-button");
            add(start);
        });
    }

    private static LoginI18n texts() {
        LoginI18n texts = LoginI18n.createDefault();
        texts.getForm().setTitle("Sign in to the console");
        texts.getForm().setUsername("E-mail");
        texts.getForm().setSubmit("Sign in");
        texts.getErrorMessage().setTitle("Wrong e-mail or password");
        texts.getErrorMessage().setMessage("Check both and try again. If you were invited, open your invitation "
                + "link first to choose a password.");
        return texts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            LoginI18n texts = texts();
            texts.getErrorMessage().setTitle("Too many failed sign-ins");
            texts.getErrorMessage().setMessage("This account is locked for 15 minutes from your address. "
                    + "Wait, then try again with the right password.");
            login.setI18n(texts);
        } else if (parameters.containsKey("suspended")) {
            // sent only after the right password (server's PasswordFirstSignIn)
            LoginI18n texts = texts();
            texts.getErrorMessage().setTitle("Your organisation is suspended");
            texts.getErrorMessage().setMessage("The password is right, but the platform's operator has suspended "
                    + "your organisation, so nobody in it can sign in until it is resumed. Ask the operator why.");
            login.setI18n(texts);
        }
        login.setError(parameters.containsKey("error"));
        singleSignOnRefused.setVisible(parameters.containsKey(SingleSignOn.REFUSED));
    }
}
