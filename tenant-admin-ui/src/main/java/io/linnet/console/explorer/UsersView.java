package io.linnet.console.explorer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.app.AppPicker;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.messaging.EndUser;
import io.linnet.messaging.UserManagement;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

/** One app's end users: search by id prefix, part of a name or a tag, and open one's page. */
@Route("users/:appId?")
@PageTitle("Users · Linnet")
@Menu(title = "Users", order = 13, icon = "vaadin:user-card")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class UsersView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final UserManagement users;

    public UsersView(SignedInAccount signedIn, AppManagement apps, UserManagement users) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.users = users;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new ViewHeader("Users", "The end users of an app, as its backend created them: find one by the start "
                + "of their id, part of their name or a tag, and open their page."));
        AppPicker.addTo(this, apps.list(signedIn.member(), Page.Request.first(Page.MAX_LIMIT)).items(), event,
                UsersView.class, "users-app", "Users belong to an app: create one first.",
                "Choose an app to see its users.").ifPresent(this::show);
    }

    private void show(App app) {
        ExplorerApp explorer = new ExplorerApp(app);
        TextField query = new TextField();
        query.setId("user-search");
        query.setPlaceholder("User id, name or tag");
        query.setClearButtonVisible(true);
        query.setWidth("20rem");
        PagedGrid<EndUser> list = new PagedGrid<>(EndUser.class,
                request -> users.search(explorer.ref(), query.getValue(), request),
                new EmptyState("No users found", "No user of this app has such an id, name or tag. Users are created "
                        + "by the app's backend (PUT /v1/users/{userId})."));
        Button search = new Button("Search", VaadinIcon.SEARCH.create(), click -> list.reload());
        search.setId("user-search-go");
        search.addClickShortcut(Key.ENTER);
        HorizontalLayout bar = new HorizontalLayout(query, search);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        list.grid().setId("users");
        list.grid().addComponentColumn(user -> link(explorer, user, user.userId().value())).setHeader("User id")
                .setWidth("10rem").setFlexGrow(1).setPartNameGenerator(user -> "wrap-anywhere");
        list.grid().addComponentColumn(user -> link(explorer, user, user.name() == null ? "" : user.name()))
                .setHeader("Name").setWidth("10rem").setFlexGrow(2);
        list.grid().addColumn(user -> String.join(", ", user.tags())).setHeader("Tags").setWidth("10rem").setFlexGrow(1);
        list.grid().addColumn(user -> Times.format(user.createdAt())).setHeader("Created (UTC)").setAutoWidth(true)
                .setFlexGrow(0);
        add(bar, list);
        list.reload();
    }

    private static RouterLink link(ExplorerApp explorer, EndUser user, String text) {
        return new RouterLink(text, UserView.class, explorer.parameters("userId", user.userId().value()));
    }
}
