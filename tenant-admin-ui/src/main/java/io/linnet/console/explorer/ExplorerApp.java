package io.linnet.console.explorer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.component.EmptyState;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;

import java.util.Optional;

/**
 * The app an explorer page works in, as its address names it ({@code user/<appId>/<userId>}), checked
 * to be one of the signed-in member's tenant's apps: messaging's services take the app as given, so
 * the console makes sure it is the member's own before it asks them anything.
 */
record ExplorerApp(App app) {

    AppRef ref() {
        return new AppRef(app.tenantId(), app.id());
    }

    RouteParameters parameters(String name, String value) {
        return new RouteParameters(java.util.Map.of("appId", app.id().toString(), name, value));
    }

    /**
     * Adds a link back to the list the page belongs to and answers the app the address names, or adds
     * an empty state when it names none of the member's tenant's apps (another tenant's is not found either).
     */
    static Optional<ExplorerApp> fromAddress(HasComponents page, AppManagement apps, Actor.Member member,
                                             BeforeEnterEvent event, String backLabel, Class<? extends Component> list) {
        try {
            App app = apps.get(member, AppId.of(event.getRouteParameters().get("appId").orElse("")));
            RouterLink back = new RouterLink("← " + backLabel, list, new RouteParameters("appId", app.id().toString()));
            back.addClassName("back-link");
            page.add(back);
            return Optional.of(new ExplorerApp(app));
        } catch (DomainException notFound) {
            page.add(new EmptyState("App not found",
                    "It may have been deleted, or the link is mistyped. Pick an app from the list of apps."));
            return Optional.empty();
        }
    }

    /** The empty state of a page whose user or conversation is not in the app. */
    static EmptyState notFound(String what) {
        return new EmptyState(what + " not found", "It may have been deleted, or the link is mistyped. Search for it "
                + "in the list.");
    }
}
