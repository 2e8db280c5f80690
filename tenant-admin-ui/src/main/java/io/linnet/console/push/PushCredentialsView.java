package io.linnet.console.push;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.app.AppPicker;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.push.CredentialKind;
import io.linnet.push.ExpiryWarning;
import io.linnet.push.PushCredential;
import io.linnet.push.PushCredentials;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.List;

/**
 * One app's push credentials: what Linnet signs in to APNs, FCM and Web Push with. The list shows
 * public metadata and expiry (with warnings a month and a week ahead), never a secret; members who
 * may manage them add, generate and delete. Two per provider may be live, for rotation.
 */
@Route("apps/:appId/push-credentials")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class PushCredentialsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final PushCredentials credentials;
    private final Div expiryAlert = new Div();
    private App app;
    private PagedGrid<PushCredential> list;
    private boolean mayWrite;

    public PushCredentialsView(SignedInAccount signedIn, AppManagement apps, PushCredentials credentials) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.credentials = credentials;
        addClassName("console-view");
        expiryAlert.setId("expiry-alert");
        expiryAlert.addClassName("expiry-alert");
        expiryAlert.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        app = AppPicker.fromAddress(this, apps, signedIn.member(), event).orElse(null);
        if (app == null) {
            return;
        }
        mayWrite = signedIn.may(Permission.PUSH_CREDENTIALS_WRITE);
        show();
    }

    @Override
    public String getPageTitle() {
        return (app == null ? "Push credentials" : "Push credentials of " + app.name()) + " · Linnet";
    }

    private void show() {
        Button add = new Button("Add credential", VaadinIcon.UPLOAD.create(), event -> openUpload());
        add.setId("add-credential");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button generate = new Button("Generate VAPID keys", VaadinIcon.KEY.create(), event -> openGenerate());
        generate.setId("generate-vapid");

        list = new PagedGrid<>(PushCredential.class, PagedGrid.whole(this::load), emptyState());
        list.grid().setId("push-credentials");
        list.grid().addComponentColumn(CredentialSummary::providerBadge).setHeader("Provider").setWidth("7.5rem").setFlexGrow(0);
        list.grid().addColumn(CredentialSummary::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        list.grid().addColumn(PushCredential::label).setHeader("Label").setWidth("8rem").setFlexGrow(1)
                .setPartNameGenerator(c -> "wrap-anywhere");
        list.grid().addComponentColumn(this::details).setHeader("Details").setWidth("14rem").setFlexGrow(4)
                .setPartNameGenerator(c -> "wrap-anywhere");
        list.grid().addComponentColumn(this::expiry).setHeader("Expires (UTC)").setAutoWidth(true).setFlexGrow(0);
        // the day is enough to tell the old credential of a rotation from the new one
        list.grid().addColumn(credential -> Times.format(credential.createdAt()).substring(0, 10)).setHeader("Added")
                .setAutoWidth(true).setFlexGrow(0);
        list.grid().addComponentColumn(this::actions).setHeader("").setWidth("11.5rem").setFlexGrow(0);

        ViewHeader header = new ViewHeader("Push credentials of " + app.name(),
                "How Linnet signs in to APNs, FCM and Web Push for this app. Secrets are stored encrypted and never "
                        + "shown again. Up to " + PushCredentials.MAX_LIVE_PER_PROVIDER + " per provider may be live: "
                        + "add the new one, then delete the old one.",
                mayWrite ? new Button[]{generate, add} : new Button[0]);
        add(header, expiryAlert, list);
        list.reload();
    }

    private List<PushCredential> load() {
        List<PushCredential> live = credentials.list(signedIn.member(), app.id());
        long expired = live.stream().filter(c -> c.expiryWarning() == ExpiryWarning.EXPIRED).count();
        long soon = live.stream().filter(c -> c.expiryWarning() == ExpiryWarning.WITHIN_7_DAYS
                || c.expiryWarning() == ExpiryWarning.WITHIN_30_DAYS).count();
        expiryAlert.setVisible(expired + soon > 0);
        expiryAlert.setText(expired > 0
                ? expired + (expired == 1 ? " credential has" : " credentials have") + " expired: notifications that "
                + "depend on it fail. Add a new one and delete the expired one."
                : soon + (soon == 1 ? " credential expires" : " credentials expire") + " within 30 days: add its "
                + "replacement now, then delete the old one.");
        return live;
    }

    private Component emptyState() {
        if (!mayWrite) {
            return new EmptyState("No push credentials yet", "An owner, admin or developer of your team can add them.");
        }
        Button first = new Button("Add the first credential", event -> openUpload());
        first.setId("add-first-credential");
        first.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new EmptyState("No push credentials yet",
                "Add an APNs auth key (.p8) or certificate (.p12) for iOS, an FCM service account (.json) for "
                        + "Android, or generate VAPID keys for Web Push, so that Linnet can deliver this app's notifications.",
                first);
    }

    private Component details(PushCredential credential) {
        Div cell = new Div(new Span(CredentialSummary.details(credential)), CredentialSummary.rejection(credential));
        cell.addClassName("details-cell");
        return cell;
    }

    private Component expiry(PushCredential credential) {
        Div cell = new Div(new Span(CredentialSummary.expiry(credential)), CredentialSummary.badge(credential, Instant.now()));
        cell.addClassName("expiry-cell");
        return cell;
    }

    private Component actions(PushCredential credential) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (credential.kind() == CredentialKind.WEBPUSH_VAPID) {
            Button key = new Button("Public key", event ->
                    new PublicKeyDialog(credential, "Public key of " + credential.label()).open());
            key.setId("public-key-" + credential.id());
            key.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(key);
        }
        if (mayWrite) {
            Button delete = new Button("Delete", event -> confirmDelete(credential));
            delete.setId("delete-" + credential.id());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    private void openUpload() {
        new UploadCredentialDialog(upload -> credentials.upload(signedIn.member(), app.id(), upload), stored -> {
            Feedback.success(stored.label() + " is checked and saved");
            list.reload();
        }).open();
    }

    private void openGenerate() {
        new GenerateVapidDialog((label, subject) -> credentials.generateVapid(signedIn.member(), app.id(), label, subject),
                generated -> {
                    list.reload();
                    new PublicKeyDialog(generated, "Your new VAPID keys").open();
                }).open();
    }

    private void confirmDelete(PushCredential credential) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-credential");
        confirm.setHeader("Delete " + credential.label() + "?");
        confirm.setText("Linnet stops using it at once and erases its secret. " + credential.provider().title()
                + " notifications then use the app's other live " + credential.provider().title()
                + " credential, if there is one. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete credential");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Feedback.succeeded(() -> credentials.delete(signedIn.member(), app.id(), credential.id()))) {
                Feedback.success(credential.label() + " is deleted");
                list.reload();
            }
        });
        confirm.open();
    }
}
