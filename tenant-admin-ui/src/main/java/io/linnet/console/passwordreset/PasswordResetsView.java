package io.linnet.console.passwordreset;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.component.CopyField;
import io.linnet.console.component.Times;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.account.PasswordReset;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where an operator issues a password-reset link for someone who forgot theirs. Linnet sends no
 * e-mail: the operator hands the link over themselves, after making sure who is asking. The link
 * works once, for a day; issuing another replaces it.
 */
@Route("password-resets")
@PageTitle("Password resets · Linnet")
@Menu(title = "Password resets", order = 85, icon = "vaadin:key")
@RolesAllowed("OPERATOR")
public class PasswordResetsView extends VerticalLayout {

    private final VerticalLayout issued = new VerticalLayout();

    public PasswordResetsView(SignedInAccount signedIn, PasswordReset resets) {
        addClassName("console-view");
        EmailField email = new EmailField("E-mail address of the account");
        email.setId("reset-email");
        email.setWidth("24rem");
        Button issue = new Button("Issue reset link", click -> {
            issued.removeAll();
            try {
                PasswordReset.IssuedLink link = resets.issue(signedIn.operator(), email.getValue());
                email.setInvalid(false);
                issued.add(new CopyField("Reset link for " + link.email(), link.url(), "reset-link"),
                        new Paragraph("It works once, until " + Times.format(link.expiresAt()) + " (UTC). Hand it over "
                                + "in person or by a channel you trust; using it signs the account out everywhere."));
            } catch (DomainException e) {
                email.setErrorMessage(e.code() == ErrorCode.NOT_FOUND ? "No active account has this address" : e.getMessage());
                email.setInvalid(true);
            }
        });
        issue.setId("issue-reset");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(email, issue);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        issued.setPadding(false);
        issued.setMaxWidth("48rem");
        add(new ViewHeader("Password resets", "For a member or operator who forgot their password: check who is "
                + "asking, then issue a one-time link (valid for 24 hours) and hand it over. Linnet sends no e-mail."),
                form, issued);
    }
}
