package io.linnet.console.explorer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.SecretDialog;
import io.linnet.console.component.Times;
import io.linnet.console.moderation.MuteOrBan;
import io.linnet.console.session.SignedInAccount;
import io.linnet.messaging.ConversationDirectory;
import io.linnet.messaging.ConversationSummary;
import io.linnet.messaging.EndUser;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserImpersonation;
import io.linnet.messaging.UserManagement;
import io.linnet.moderation.Restriction;
import io.linnet.moderation.Restrictions;
import io.linnet.push.Device;
import io.linnet.push.Devices;
import io.linnet.push.NewPush;
import io.linnet.push.PushJobs;
import io.linnet.push.PushRequest;
import io.linnet.push.PushSettings;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One end user of an app: their profile, their devices and whether each is still valid, their mutes
 * and bans, and their conversations; and, by role, minting a token to try a client as them, sending
 * them a test push, muting or banning them, and erasing them with everything they sent.
 */
@Route("user/:appId/:userId")
@PageTitle("User · Linnet")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class UserView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final UserManagement users;
    private final ConversationDirectory conversations;
    private final UserImpersonation impersonation;
    private final Devices devices;
    private final Restrictions restrictions;
    private final PushJobs pushes;
    private final PushSettings pushSettings;

    public UserView(SignedInAccount signedIn, AppManagement apps, UserManagement users,
                    ConversationDirectory conversations, UserImpersonation impersonation, Devices devices,
                    Restrictions restrictions, PushJobs pushes, PushSettings pushSettings) {
        this.pushes = pushes;
        this.pushSettings = pushSettings;
        this.signedIn = signedIn;
        this.apps = apps;
        this.users = users;
        this.conversations = conversations;
        this.impersonation = impersonation;
        this.devices = devices;
        this.restrictions = restrictions;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ExplorerApp.fromAddress(this, apps, signedIn.member(), event, "All users", UsersView.class).ifPresent(app -> {
            String raw = event.getRouteParameters().get("userId").orElse("");
            Optional<EndUser> user = UserId.isValid(raw) ? users.find(app.ref(), UserId.of(raw)) : Optional.empty();
            user.ifPresentOrElse(found -> show(app, found), () -> add(ExplorerApp.notFound("User")));
        });
    }

    private void show(ExplorerApp app, EndUser user) {
        H3 title = new H3(user.name() == null ? user.userId().value() : user.name());
        title.setId("user-title");
        add(title, actions(app, user), profile(user));
        if (signedIn.may(Permission.PUSH_CREDENTIALS_READ)) {
            add(new H3("Devices"), devices(app, user));
        }
        if (signedIn.may(Permission.MODERATION)) {
            add(new H3("Mutes and bans"), restrictions(app, user));
        }
        add(new H3("Conversations"), conversations(app, user));
    }

    private Component profile(EndUser user) {
        Div profile = new Div(
                field("User id", user.userId().value(), "user-id"),
                field("Name", user.name() == null ? "—" : user.name(), "user-name"),
                field("Tags", user.tags().isEmpty() ? "—" : String.join(", ", user.tags()), "user-tags"),
                field("Avatar", user.avatarUrl() == null ? "—" : user.avatarUrl(), "user-avatar"),
                field("Custom", user.custom().isEmpty() ? "—" : user.custom().toString(), "user-custom"),
                field("Created (UTC)", Times.format(user.createdAt()), "user-created"),
                field("Updated (UTC)", Times.format(user.updatedAt()), "user-updated"));
        profile.setId("user-profile");
        profile.addClassName("explorer-profile");
        return profile;
    }

    private static Div field(String label, String value, String id) {
        Span name = new Span(label);
        name.addClassName("explorer-label");
        Span shown = new Span(value);
        shown.setId(id);
        return new Div(name, new Span(" "), shown);
    }

    private Component actions(ExplorerApp app, EndUser user) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("user-actions");
        if (signedIn.may(Permission.APPS_WRITE)) {
            Button token = new Button("Mint a test token", VaadinIcon.KEY.create(), click -> mint(app, user.userId()));
            token.setId("user-mint-token");
            actions.add(token);
        }
        if (signedIn.may(Permission.PUSH_CREDENTIALS_WRITE)) {
            Button push = new Button("Send a test push", VaadinIcon.PAPERPLANE.create(), click -> Feedback.attempt(() ->
                    pushes.sendTest(signedIn.member(), app.app().id(), NewPush.of(PushRequest.toUsers(
                            List.of(user.userId().value()), "Test push", "A test push from the Linnet console"),
                            pushSettings))).ifPresent(job -> Feedback.success("Test push to " + user.userId()
                    + " queued; its progress shows under Push")));
            push.setId("user-test-push");
            actions.add(push);
        }
        if (signedIn.may(Permission.MODERATION)) {
            MuteOrBan muteOrBan = new MuteOrBan(restrictions, signedIn, app.app().id(), () -> getUI().ifPresent(ui -> ui.getPage().reload()));
            Button restrict = new Button("Mute or ban", VaadinIcon.BAN.create(), click -> muteOrBan.user(user.userId()).open());
            restrict.setId("user-restrict");
            actions.add(restrict);
        }
        if (signedIn.may(Permission.APPS_WRITE)) {
            Button erase = new Button("Erase user", VaadinIcon.TRASH.create(), click -> new EraseUserDialog(user.userId(),
                    () -> {
                        users.delete(app.ref(), user.userId(), true);
                        Feedback.success(user.userId() + " and the content of everything they sent are erased");
                        getUI().ifPresent(ui -> ui.navigate(UsersView.class,
                                new RouteParameters("appId", app.app().id().toString())));
                    }).open());
            erase.setId("user-erase");
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(erase);
        }
        return actions;
    }

    private void mint(ExplorerApp app, UserId user) {
        Feedback.attempt(() -> impersonation.mintTestToken(app.ref(), user)).ifPresent(token -> new SecretDialog(
                "Test token for " + user, "Anyone with this token can act as " + user + " until it expires ("
                + Times.format(token.expiresAt()) + " UTC). Use it only to try a client.",
                "User token", token.token(), List.of(), new Span("Connect a client with it to /v1/ws.")).open());
    }

    private Component devices(ExplorerApp app, EndUser user) {
        List<Device> found = devices.ofUser(signedIn.member(), app.app().id(), user.userId());
        if (found.isEmpty()) {
            EmptyState none = new EmptyState("No devices", "This user has registered no device, so pushes reach nobody.");
            none.setId("user-devices-empty");
            return none;
        }
        Grid<Device> grid = new Grid<>(Device.class, false);
        grid.setId("user-devices");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(device -> device.provider().wireName()).setHeader("Provider").setAutoWidth(true);
        grid.addColumn(device -> device.appVersion() == null ? "" : device.appVersion()).setHeader("App version");
        grid.addColumn(device -> device.valid() ? "valid" : "invalid: " + device.invalidReason()).setHeader("Valid");
        grid.addColumn(device -> Times.format(device.lastSeenAt())).setHeader("Last seen (UTC)").setAutoWidth(true);
        grid.setItems(found);
        return grid;
    }

    private Component restrictions(ExplorerApp app, EndUser user) {
        List<Restriction> active = restrictions.list(signedIn.member(), app.app().id(),
                new Restrictions.Filter(null, user.userId(), true), Page.Request.first(Page.MAX_LIMIT)).items();
        if (active.isEmpty()) {
            Span none = new Span("Not muted or banned.");
            none.setId("user-restrictions");
            return none;
        }
        VerticalLayout list = new VerticalLayout();
        list.setId("user-restrictions");
        list.setPadding(false);
        active.forEach(restriction -> list.add(new Span(restriction.kind().name().toLowerCase(Locale.ROOT)
                + (restriction.conversationId() == null ? " in the whole app" : " in one conversation")
                + (restriction.expiresAt() == null ? ", until lifted" : ", until " + Times.format(restriction.expiresAt()) + " UTC")
                + " (" + restriction.reason() + ")")));
        return list;
    }

    private Component conversations(ExplorerApp app, EndUser user) {
        PagedGrid<ConversationSummary> list = new PagedGrid<>(ConversationSummary.class,
                request -> conversations.search(app.ref(), null, Optional.of(user.userId()), request),
                new EmptyState("No conversations", "This user is a member of no conversation."));
        list.grid().setId("user-conversations");
        ConversationColumns.addTo(list.grid(), app);
        list.reload();
        return list;
    }
}
