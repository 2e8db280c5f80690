package io.linnet.console.appkey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.app.AppPicker;
import io.linnet.console.component.CopyField;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.SecretDialog;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.appkey.AppKey;
import io.linnet.tenancy.appkey.AppKeyManagement;
import io.linnet.tenancy.appkey.CreatedAppKey;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Optional;

/**
 * One app's keys. A key's secret is shown once, in a dialog right after it is created or rotated;
 * the list shows only ids, never secrets. At most two keys are live at once, for rotation.
 */
@Route("apps/:appId/keys")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class AppKeysView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final AppKeyManagement keys;
    private App app;
    private PagedGrid<AppKey> list;
    private boolean mayWrite;
    /** The names of the app's live keys as last listed: rotating needs a free place, a new key a name of its own. */
    private List<String> liveNames = List.of();

    public AppKeysView(SignedInAccount signedIn, AppManagement apps, AppKeyManagement keys) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.keys = keys;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        app = AppPicker.fromAddress(this, apps, signedIn.member(), event).orElse(null);
        if (app == null) {
            return;
        }
        mayWrite = signedIn.may(Permission.KEYS_WRITE);
        show();
    }

    @Override
    public String getPageTitle() {
        return (app == null ? "Keys" : "Keys of " + app.name()) + " · Linnet";
    }

    private void show() {
        Button create = new Button("Create key", VaadinIcon.PLUS.create(), event -> openCreate());
        create.setId("create-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        list = new PagedGrid<>(AppKey.class, PagedGrid.whole(() -> {
            List<AppKey> all = keys.list(signedIn.member(), app.id());
            liveNames = all.stream().filter(key -> key.status() == AppKey.Status.ACTIVE).map(AppKey::name).toList();
            return all;
        }), emptyState());
        list.grid().setId("keys");
        list.grid().addColumn(AppKey::name).setHeader("Name").setFlexGrow(1);
        list.grid().addColumn(AppKey::id).setHeader("Key id").setAutoWidth(true).setPartNameGenerator(key -> "monospace-cell");
        Grid.Column<AppKey> scopes = list.grid().addColumn(key -> String.join(", ", key.scopes())).setHeader("Scopes")
                .setFlexGrow(1);
        list.grid().addComponentColumn(AppKeysView::status).setHeader("Status").setAutoWidth(true);
        list.secondary(scopes,
                list.grid().addColumn(key -> Times.format(key.createdAt())).setHeader("Created (UTC)").setAutoWidth(true),
                list.grid().addColumn(key -> Times.formatOrNever(key.lastUsedAt())).setHeader("Last used (UTC)")
                        .setAutoWidth(true));
        if (mayWrite) {
            list.actions(list.grid().addComponentColumn(this::actions).setHeader("").setWidth("12rem").setFlexGrow(0));
        }

        ViewHeader header = new ViewHeader("Keys of " + app.name(),
                "Your backend exchanges a key's id and secret for short-lived access tokens. Keep at most "
                        + AppKeyManagement.MAX_LIVE_KEYS + " live: rotate to a new key, move your backends, then revoke the old one.",
                mayWrite ? new Button[]{create} : new Button[0]);
        add(header, list);
        list.reload();
    }

    private Component emptyState() {
        if (!mayWrite) {
            return new EmptyState("No keys yet", "An owner, admin or developer of your team can create one.");
        }
        Button createFirst = new Button("Create the first key", event -> openCreate());
        createFirst.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new EmptyState("No keys yet", "Create a key so that your backend can call Linnet for this app.",
                createFirst);
    }

    private static Span status(AppKey key) {
        Span status = new Span(key.status().name());
        status.setId("status-" + key.id());
        status.getElement().getThemeList().add(key.status() == AppKey.Status.ACTIVE ? "badge success" : "badge contrast");
        return status;
    }

    private Component actions(AppKey key) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (key.status() == AppKey.Status.ACTIVE) {
            Button rotate = new Button("Rotate", VaadinIcon.REFRESH.create(), event -> rotate(key));
            rotate.setId("rotate-" + key.id());
            if (liveNames.size() >= AppKeyManagement.MAX_LIVE_KEYS) {
                // rotating adds a live key, which the services refuse at the limit: say so before the click
                rotate.setEnabled(false);
                rotate.setTooltipText("This app already has " + AppKeyManagement.MAX_LIVE_KEYS
                        + " live keys: revoke the one your backends no longer use, then rotate");
            } else {
                rotate.setTooltipText("Create a new key with the same scopes; this one keeps working until you revoke it");
            }
            rotate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button revoke = new Button("Revoke", event -> confirmRevoke(key));
            revoke.setId("revoke-" + key.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(rotate, revoke);
        }
        return actions;
    }

    private void openCreate() {
        new CreateKeyDialog(app, liveNames, (name, scopes) -> created(
                Optional.of(keys.create(signedIn.member(), app.id(), name, List.copyOf(scopes))))).open();
    }

    private void rotate(AppKey key) {
        created(Feedback.attempt(() -> keys.rotate(signedIn.member(), app.id(), key.id())));
    }

    private void created(Optional<CreatedAppKey> created) {
        created.ifPresent(key -> {
            list.reload();
            secretOf(key).open();
        });
    }

    private static SecretDialog secretOf(CreatedAppKey created) {
        return new SecretDialog("Your new key",
                "Copy the secret now and store it somewhere safe. It will never be shown again: if you lose it, rotate the key.",
                "Secret (client secret)", created.secret(),
                List.of(new CopyField("Key id (client id)", created.key().id(), "new-key-id")),
                new Paragraph("Your backend exchanges them for an access token: POST /oauth2/token with HTTP Basic "
                        + "(key id and secret) and grant_type=client_credentials."));
    }

    private void confirmRevoke(AppKey key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-revoke");
        confirm.setHeader("Revoke " + key.name() + "?");
        confirm.setText("Key " + key.id() + " and every access token issued to it stop working at once. "
                + "This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke key");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Feedback.succeeded(() -> keys.revoke(signedIn.member(), app.id(), key.id()))) {
                Feedback.success("Key " + key.id() + " is revoked");
                list.reload();
            }
        });
        confirm.open();
    }
}
