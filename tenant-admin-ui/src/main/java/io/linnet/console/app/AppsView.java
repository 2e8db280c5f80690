package io.linnet.console.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.appkey.AppKeysView;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.NameDialog;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.push.PushCredentialsView;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

/** The tenant's apps: create, rename and delete them, and open an app's keys and push credentials. */
@Route("apps")
@PageTitle("Apps · Linnet")
@Menu(title = "Apps", order = 10, icon = "vaadin:cubes")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class AppsView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final PagedGrid<App> list;
    private final boolean mayWrite;
    private final boolean mayReadKeys;
    private final boolean mayReadPushCredentials;

    public AppsView(SignedInAccount signedIn, AppManagement apps) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.mayWrite = signedIn.may(Permission.APPS_WRITE);
        this.mayReadKeys = signedIn.may(Permission.KEYS_READ);
        this.mayReadPushCredentials = signedIn.may(Permission.PUSH_CREDENTIALS_READ);
        addClassName("console-view");

        Button create = new Button("New app", VaadinIcon.PLUS.create(), event -> openNewApp());
        create.setId("new-app");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        list = new PagedGrid<>(App.class, request -> apps.list(signedIn.member(), request), emptyState());
        list.grid().setId("apps");
        list.grid().addComponentColumn(this::name).setHeader("Name").setFlexGrow(2);
        list.grid().addColumn(app -> app.id().toString()).setHeader("App id").setAutoWidth(true)
                .setPartNameGenerator(app -> "monospace-cell");
        list.grid().addColumn(app -> Times.format(app.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        if (mayWrite || mayReadKeys || mayReadPushCredentials) {
            list.grid().addComponentColumn(this::actions).setHeader("").setWidth("21rem").setFlexGrow(0);
        }

        add(mayWrite ? header(create) : header(), list);
        list.reload();
    }

    private Component emptyState() {
        if (!mayWrite) {
            return new EmptyState("No apps yet", "An owner, admin or developer of your team can create one.");
        }
        Button createFirst = new Button("Create your first app", event -> openNewApp());
        createFirst.setId("create-first-app");
        createFirst.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new EmptyState("No apps yet — create one to get an app key",
                "An app is one product or environment, such as \"chat-prod\". Its keys let your backend call Linnet.",
                createFirst);
    }

    /** The title, and the "New app" button only for those who may use it. */
    private static ViewHeader header(Button... create) {
        return new ViewHeader("Apps", "Each app has its own keys, users, messages and pushes.", create);
    }

    private Component name(App app) {
        if (!mayReadKeys) {
            return new Span(app.name());
        }
        RouterLink link = new RouterLink(app.name(), AppKeysView.class, new RouteParameters("appId", app.id().toString()));
        link.setId("app-" + app.id());
        return link;
    }

    private HorizontalLayout actions(App app) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (mayReadKeys) {
            Button keys = new Button("Keys", VaadinIcon.KEY.create(),
                    event -> getUI().ifPresent(ui -> ui.navigate(AppKeysView.class,
                            new RouteParameters("appId", app.id().toString()))));
            keys.setId("keys-" + app.id());
            keys.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(keys);
        }
        if (mayReadPushCredentials) {
            Button push = new Button("Push", VaadinIcon.BELL.create(),
                    event -> getUI().ifPresent(ui -> ui.navigate(PushCredentialsView.class,
                            new RouteParameters("appId", app.id().toString()))));
            push.setId("push-" + app.id());
            push.setTooltipText("Push credentials: APNs, FCM and Web Push");
            push.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(push);
        }
        if (mayWrite) {
            Button rename = new Button("Rename", event -> openRename(app));
            rename.setId("rename-" + app.id());
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button delete = new Button("Delete", event -> confirmDelete(app));
            delete.setId("delete-" + app.id());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(rename, delete);
        }
        return actions;
    }

    private void openNewApp() {
        new NameDialog("New app", "Name", "", "Create app", "new-app", name ->
                Feedback.attempt(() -> apps.create(signedIn.member(), name)).map(app -> {
                    Feedback.success(app.name() + " is created; open it to create a key");
                    list.reload();
                    return app;
                }).isPresent()).open();
    }

    private void openRename(App app) {
        new NameDialog("Rename " + app.name(), "New name", app.name(), "Rename", "rename-app", name ->
                Feedback.attempt(() -> apps.rename(signedIn.member(), app.id(), name)).map(renamed -> {
                    Feedback.success("Renamed to " + renamed.name());
                    list.reload();
                    return renamed;
                }).isPresent()).open();
    }

    private void confirmDelete(App app) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-app");
        confirm.setHeader("Delete " + app.name() + "?");
        confirm.setText("The app, its keys, users, messages and pushes are deleted for good. "
                + "Backends that use its keys stop working at once.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete app");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Feedback.succeeded(() -> apps.delete(signedIn.member(), app.id()))) {
                Feedback.success(app.name() + " is deleted");
                list.reload();
            }
        });
        confirm.open();
    }
}
