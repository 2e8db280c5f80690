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
import io.linnet.console.app.AppPicker;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.FieldErrors;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.messaging.ConversationDirectory;
import io.linnet.messaging.ConversationSummary;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;

/** One app's conversations: search by id, part of a name or a member, and open one's page. */
@Route("conversations/:appId?")
@PageTitle("Conversations · Linnet")
@Menu(title = "Conversations", order = 14, icon = "vaadin:chat")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class ConversationsView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final ConversationDirectory conversations;

    public ConversationsView(SignedInAccount signedIn, AppManagement apps, ConversationDirectory conversations) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.conversations = conversations;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new ViewHeader("Conversations", "The conversations of an app's users: find one by its id, part of its "
                + "name or a member, and open it to see its members and messages."));
        AppPicker.addTo(this, apps.list(signedIn.member(), Page.Request.first(Page.MAX_LIMIT)).items(), event,
                ConversationsView.class, "conversations-app", "Conversations belong to an app: create one first.",
                "Choose an app to see its conversations.").ifPresent(this::show);
    }

    private void show(App app) {
        ExplorerApp explorer = new ExplorerApp(app);
        TextField query = new TextField();
        query.setId("conversation-search");
        query.setPlaceholder("Id, name or member");
        query.setClearButtonVisible(true);
        query.setWidth("18rem");
        TextField member = new TextField();
        member.setId("conversation-member");
        member.setPlaceholder("Only those of user id");
        member.setClearButtonVisible(true);
        FieldErrors errors = new FieldErrors("conversation-search-error").on("A user id", member);
        PagedGrid<ConversationSummary> list = new PagedGrid<>(ConversationSummary.class,
                request -> conversations.search(explorer.ref(), query.getValue(), memberOf(member.getValue()), request),
                new EmptyState("No conversations found", "No conversation of this app has such an id, name or member. "
                        + "Conversations are created by the app's backend (POST /v1/conversations)."));
        Button search = new Button("Search", VaadinIcon.SEARCH.create(), click -> {
            errors.clear();
            try {
                memberOf(member.getValue());
                list.reload();
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
            }
        });
        search.setId("conversation-search-go");
        search.addClickShortcut(Key.ENTER);
        HorizontalLayout bar = new HorizontalLayout(query, member, search);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        list.grid().setId("conversations");
        ConversationColumns.addTo(list.grid(), explorer);
        add(bar, errors.general(), list);
        list.reload();
    }

    private static Optional<UserId> memberOf(String raw) {
        String member = raw == null ? "" : raw.strip();
        if (member.isEmpty()) {
            return Optional.empty();
        }
        if (!UserId.isValid(member)) {
            throw DomainException.invalid("A user id is 1 to 128 letters, digits or '_', '.', '@', ':', '-'");
        }
        return Optional.of(UserId.of(member));
    }
}
