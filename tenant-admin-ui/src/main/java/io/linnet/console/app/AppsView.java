package io.linnet.console.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.analytics.Analytics;
import io.linnet.analytics.AppOverview;
import io.linnet.console.analytics.AppOverviewView;
import io.linnet.console.appkey.AppKeysView;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.NameDialog;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.component.TypedNameConfirmation;
import io.linnet.console.push.PushCredentialsView;
import io.linnet.console.push.PushView;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The tenant's apps with today's headline numbers (UTC): create, rename and delete them, and open an
 * app's overview, keys and push credentials.
 */
@Route("apps")
@PageTitle("Apps · Linnet")
@Menu(title = "Apps", order = 10, icon = "vaadin:cubes")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class AppsView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final Analytics analytics;
    private final Map<AppId, Optional<AppOverview>> overviews = new HashMap<>();
    private final PagedGrid<App> list;
    private final boolean mayWrite;
    private final boolean mayReadKeys;
    private final boolean mayReadPushCredentials;

    public AppsView(SignedInAccount signedIn, AppManagement apps, Analytics analytics) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.analytics = analytics;
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
        headline("Active today", "Distinct end users who connected or sent today (UTC)", AppOverview::activeToday);
        headline("Active this month", "Distinct end users this month (UTC)", AppOverview::activeThisMonth);
        headline("Messages today", "Messages stored today (UTC)", AppOverview::messagesToday);
        headline("Peak connections", "Most WebSocket connections open at once today (UTC)", AppOverview::peakConnectionsToday);
        list.secondary(list.grid().addColumn(app -> app.id().toString()).setHeader("App id").setAutoWidth(true)
                .setPartNameGenerator(app -> "monospace-cell"),
                list.grid().addColumn(app -> Times.format(app.createdAt())).setHeader("Created (UTC)").setAutoWidth(true));
        if (mayWrite || mayReadKeys || mayReadPushCredentials) {
            list.actions(list.grid().addComponentColumn(this::actions).setHeader("").setWidth("21rem").setFlexGrow(0));
        }

        add(mayWrite ? header(create) : header(), list);
        reload();
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

    private void headline(String header, String tooltip, ToLongFunction<AppOverview> number) {
        Span title = new Span(header);
        title.setTitle(tooltip);
        list.secondary(list.grid().addColumn(app -> headline(app, number)).setHeader(title).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(app -> "numeric-cell"));
    }

    /** The title, and the "New app" button only for those who may use it. */
    private static ViewHeader header(Button... create) {
        return new ViewHeader("Apps", "Each app has its own keys, users, messages and pushes.", create);
    }

    /** The app's name, leading to its overview. */
    private Component name(App app) {
        RouterLink link = new RouterLink(app.name(), AppOverviewView.class, new RouteParameters("appId", app.id().toString()));
        link.setId("app-" + app.id());
        return link;
    }

    /** Today's headline numbers of an app, read once per reload of the list. */
    private Optional<AppOverview> overview(App app) {
        return overviews.computeIfAbsent(app.id(), id -> {
            try {
                return Optional.of(analytics.overview(signedIn.member(), id));
            } catch (DomainException gone) {
                return Optional.empty();
            }
        });
    }

    private String headline(App app, ToLongFunction<AppOverview> number) {
        return overview(app).map(overview -> String.format(Locale.ENGLISH, "%,d", number.applyAsLong(overview))).orElse("—");
    }

    private void reload() {
        overviews.clear();
        list.reload();
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
            // the same page as the side menu's "Push" (with this app chosen) for those who may open it; it leads on
            // to the credentials. Viewers may only see the credentials, so theirs is named for what it opens.
            boolean mayOpenPush = signedIn.may(Permission.PUSH_CREDENTIALS_WRITE);
            Class<? extends Component> target = mayOpenPush ? PushView.class : PushCredentialsView.class;
            Button push = new Button(mayOpenPush ? "Push" : "Credentials", VaadinIcon.BELL.create(),
                    event -> getUI().ifPresent(ui -> ui.navigate(target, new RouteParameters("appId", app.id().toString()))));
            push.setId("push-" + app.id());
            push.setTooltipText(mayOpenPush ? "Pushes, a test push, devices and push credentials"
                    : "Push credentials: APNs, FCM and Web Push");
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
        new NameDialog("New app", "Name", "", "Create app", "new-app", name -> {
            App app = apps.create(signedIn.member(), name);
            Feedback.success(app.name() + " is created; open it to create a key");
            reload();
            return true;
        }).open();
    }

    private void openRename(App app) {
        new NameDialog("Rename " + app.name(), "New name", app.name(), "Rename", "rename-app", name -> {
            App renamed = apps.rename(signedIn.member(), app.id(), name);
            Feedback.success("Renamed to " + renamed.name());
            reload();
            return true;
        }).open();
    }

    /** Deleting an app stops every backend that uses its keys, so its name has to be typed first. */
    private void confirmDelete(App app) {
        new TypedNameConfirmation("delete-app", "Delete " + app.name() + "?",
                "The app, its keys, users, messages and pushes are deleted for good. "
                        + "Backends that use its keys stop working at once.", app.name(), "Delete app", () -> {
            boolean deleted = Feedback.succeeded(() -> apps.delete(signedIn.member(), app.id()));
            if (deleted) {
                Feedback.success(app.name() + " is deleted");
                reload();
            }
            return deleted;
        }).open();
    }
}
