package io.linnet.console.twofactor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.linnet.console.component.CardPage;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.account.ConsoleUser;
import io.linnet.tenancy.account.TwoFactor;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The second step of signing in, for an account with two-factor sign-in: after the right password
 * the session owes a code, and the server sends it here from every other page. A right code (or an
 * unused recovery code) completes the sign-in in a fresh session; a wrong one is said beside the
 * field, and too many lock the step as too many wrong passwords lock the first.
 */
@Route(value = SecondFactorView.ROUTE, autoLayout = false)
@PageTitle("Sign-in code · Linnet")
@PermitAll
public class SecondFactorView extends CardPage implements BeforeEnterObserver {

    public static final String ROUTE = "two-factor";

    private final SignedInAccount signedIn;
    private final TwoFactor twoFactor;

    public SecondFactorView(SignedInAccount signedIn, TwoFactor twoFactor) {
        this.signedIn = signedIn;
        this.twoFactor = twoFactor;
        TextField code = new TextField("Code");
        code.setId("second-factor-code");
        code.setHelperText("The 6 digits your authenticator app shows, or one of your recovery codes");
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setWidthFull();
        Button verify = new Button("Continue", click -> verify(code));
        verify.setId("verify-second-factor");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        Button signOut = new Button("Sign out", click -> signedIn.signOut());
        signOut.setId("second-factor-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        H2 title = new H2("Enter your sign-in code");
        title.setId("second-factor-title");
        card.add(title, new Paragraph("Your account has two-factor sign-in. Your password was right; "
                + "now open your authenticator app."), code, verify, signOut);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (signedIn.owingSecondFactor().isEmpty()) {
            // fully signed in already (or not at all, which the access check sends to sign-in)
            event.forwardTo("");
        }
    }

    private void verify(TextField code) {
        ConsoleUser pending = signedIn.owingSecondFactor().orElse(null);
        if (pending == null) {
            UI.getCurrent().getPage().setLocation("/");
            return;
        }
        switch (twoFactor.verify(pending.accountId(), code.getValue(), SignedInAccount.sourceAddress())) {
            case ACCEPTED -> completeSignIn(pending);
            case REFUSED -> refuse(code, "That code is not right; codes change every 30 seconds");
            case LOCKED -> refuse(code, "Too many wrong codes: this step is locked for 15 minutes");
        }
    }

    private static void refuse(TextField code, String message) {
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
    }

    /** The session now holds the fully signed-in account, under a new session id (no fixation). */
    private static void completeSignIn(ConsoleUser pending) {
        ConsoleUser full = pending.withSecondFactorPassed();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(full, null, full.getAuthorities()));
        SecurityContextHolder.setContext(context);
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        UI.getCurrent().getPage().setLocation("/");
    }
}
