package io.linnet.console.login;

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

/** The console's sign-in page, for tenant members and platform operators alike. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Linnet")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(texts());
        add(new H1("Linnet"), new Paragraph("Chat and push for your apps"), login);
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
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setError(true);
        }
    }
}
