package io.linnet.console.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.console.twofactor.TwoFactorSetup;
import io.linnet.tenancy.account.AccountRules;
import io.linnet.tenancy.account.PasswordChange;
import io.linnet.tenancy.account.PersonalAccessToken;
import io.linnet.tenancy.account.PersonalAccessTokens;
import io.linnet.tenancy.account.TwoFactor;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;

/**
 * The signed-in account's own settings: change the password, two-factor sign-in, and the personal
 * access tokens that scripts use instead of the password.
 */
@Route("account")
@PageTitle("My account · Linnet")
@Menu(title = "My account", order = 90, icon = "vaadin:user")
@PermitAll
public class AccountView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final PasswordChange passwords;
    private final PersonalAccessTokens tokens;
    private final PagedGrid<PersonalAccessToken> list;

    public AccountView(SignedInAccount signedIn, PasswordChange passwords, PersonalAccessTokens tokens, TwoFactor twoFactor) {
        this.signedIn = signedIn;
        this.passwords = passwords;
        this.tokens = tokens;
        addClassName("console-view");

        ViewHeader titles = new ViewHeader("My account",
                "Signed in as " + signedIn.user().email() + " (" + signedIn.user().role() + ").");

        Button newToken = new Button("New token", VaadinIcon.PLUS.create(), event -> openNewToken());
        newToken.setId("new-access-token");
        newToken.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        list = new PagedGrid<>(PersonalAccessToken.class, PagedGrid.whole(() -> tokens.list(signedIn.actor())),
                new EmptyState("No personal access tokens",
                        "Scripts that call /manage/v1 or /ops/v1 send a token as 'Authorization: Bearer lpat_…' "
                                + "instead of your password."));
        list.grid().setId("access-tokens");
        list.grid().addColumn(PersonalAccessToken::name).setHeader("Name").setFlexGrow(2);
        list.grid().addComponentColumn(AccountView::status).setHeader("Status").setAutoWidth(true);
        list.grid().addColumn(token -> Times.format(token.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        list.grid().addColumn(token -> token.expiresAt() == null ? "never" : Times.format(token.expiresAt()))
                .setHeader("Expires (UTC)").setAutoWidth(true);
        list.grid().addColumn(token -> Times.formatOrNever(token.lastUsedAt())).setHeader("Last used (UTC)").setAutoWidth(true);
        list.grid().addComponentColumn(this::revokeButton).setHeader("").setWidth("8rem").setFlexGrow(0);

        HorizontalLayout tokensHeader = new HorizontalLayout(new H3("Personal access tokens"), newToken);
        tokensHeader.setWidthFull();
        tokensHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        tokensHeader.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        add(titles, new H3("Password"), passwordForm(), new H3("Two-factor sign-in"), new TwoFactorSetup(signedIn, twoFactor),
                tokensHeader, list);
        list.reload();
    }

    private void openNewToken() {
        new NewTokenDialog((name, lifetime) -> Feedback.attempt(() -> tokens.create(signedIn.actor(), name, lifetime))
                .map(created -> {
                    list.reload();
                    return created;
                })).open();
    }

    private Component passwordForm() {
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText("At least " + AccountRules.MIN_PASSWORD + " characters");
        PasswordField repeat = new PasswordField("New password, again");
        repeat.setId("repeat-password");
        Button change = new Button("Change password", event -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two new passwords differ");
                return;
            }
            repeat.setInvalid(false);
            if (Feedback.succeeded(() -> passwords.change(signedIn.actor(), current.getValue(), next.getValue()))) {
                current.clear();
                next.clear();
                repeat.clear();
                Feedback.success("Your password was changed");
            }
        });
        change.setId("change-password");
        FormLayout form = new FormLayout(current, next, repeat);
        form.setMaxWidth("48rem");
        VerticalLayout section = new VerticalLayout(form, change);
        section.setPadding(false);
        return section;
    }

    private Component revokeButton(PersonalAccessToken token) {
        if (token.revokedAt() != null) {
            return new Span();
        }
        Button revoke = new Button("Revoke", event -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke " + token.name() + "?",
                    "Scripts that use this token are refused from now on. This cannot be undone.",
                    "Revoke", confirmed -> Feedback.attempt(() -> tokens.revoke(signedIn.actor(), token.id()))
                    .ifPresent(revoked -> list.reload()));
            confirm.setId("revoke-token-confirm");
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.setId("revoke-token-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    private static Span status(PersonalAccessToken token) {
        boolean expired = token.expiresAt() != null && token.expiresAt().isBefore(Instant.now());
        String text = token.revokedAt() != null ? "REVOKED" : expired ? "EXPIRED" : "ACTIVE";
        Span status = new Span(text);
        status.getElement().getThemeList().add("ACTIVE".equals(text) ? "badge success" : "badge error");
        return status;
    }
}
