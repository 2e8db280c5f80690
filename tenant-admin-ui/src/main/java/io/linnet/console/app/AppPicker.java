package io.linnet.console.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.component.EmptyState;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app a per-app page shows, kept in the page's address ({@code push/<appId>}): a select of the
 * tenant's apps that navigates to the same page for the app picked, and what to say when there is no
 * app yet, when the address names none, or names one that is gone.
 */
public final class AppPicker {

    private AppPicker() {
    }

    /**
     * Adds the picker to {@code page} (or, when the tenant has no app, an empty state that leads to
     * the apps page) and answers the app the address's {@code appId} names, if any.
     *
     * @param route    the page, a route with an optional {@code appId} parameter
     * @param noApps   why the page needs an app, e.g. "Push belongs to an app: create one first."
     * @param choose   what to do when no app is chosen, e.g. "Choose an app to see its pushes."
     */
    public static Optional<App> addTo(HasComponents page, List<App> apps, BeforeEnterEvent event,
                                      Class<? extends Component> route, String id, String noApps, String choose) {
        if (apps.isEmpty()) {
            page.add(new EmptyState("No apps yet", noApps, new RouterLink("Go to apps", AppsView.class)));
            return Optional.empty();
        }
        Optional<App> chosen = chosen(page, apps, event);
        Select<App> picker = picker(id, apps);
        chosen.ifPresent(picker::setValue);
        picker.addValueChangeListener(change -> picker.getUI().ifPresent(ui -> ui.navigate(route,
                new RouteParameters("appId", change.getValue().id().toString()))));
        page.add(picker);
        if (chosen.isEmpty()) {
            page.add(new Paragraph(choose));
        }
        return chosen;
    }

    /**
     * The picker of a page that shows one app or all of them together: its first choice,
     * {@code allApps}, is the page's address without an app. Answers the app the address names, or
     * empty for all apps (the page tells a mistyped app from none by the address). Picking keeps the
     * address's query parameters as {@code keep} says they are then (the page may have changed them).
     */
    public static Optional<App> addWithAllApps(HasComponents page, List<App> apps, BeforeEnterEvent event,
                                               Class<? extends Component> route, String id, String allApps,
                                               Supplier<QueryParameters> keep) {
        Optional<App> chosen = chosen(page, apps, event);
        Select<App> picker = picker(id, apps);
        // with an empty choice allowed, the select asks for the label of null too
        picker.setItemLabelGenerator(app -> app == null ? allApps : app.name());
        picker.setEmptySelectionAllowed(true);
        picker.setEmptySelectionCaption(allApps);
        chosen.ifPresent(picker::setValue);
        picker.addValueChangeListener(change -> picker.getUI().ifPresent(ui -> ui.navigate(route,
                change.getValue() == null ? RouteParameters.empty()
                        : new RouteParameters("appId", change.getValue().id().toString()), keep.get())));
        page.add(picker);
        return chosen;
    }

    /**
     * For a page of one app whose address names it ({@code apps/<appId>/keys}): adds a link back to
     * the apps and answers the app, or adds an empty state when the address names none of the
     * member's tenant's apps (another tenant's app is not found either).
     */
    public static Optional<App> fromAddress(HasComponents page, AppManagement apps, Actor.Member member,
                                            BeforeEnterEvent event) {
        RouterLink back = new RouterLink("← All apps", AppsView.class);
        back.addClassName("back-link");
        page.add(back);
        try {
            return Optional.of(apps.get(member, AppId.of(event.getRouteParameters().get("appId").orElse(""))));
        } catch (DomainException notFound) {
            page.add(new EmptyState("App not found",
                    "It may have been deleted, or the link is mistyped. Pick an app from the list of apps."));
            return Optional.empty();
        }
    }

    private static Optional<App> chosen(HasComponents page, List<App> apps, BeforeEnterEvent event) {
        Optional<String> requested = event.getRouteParameters().get("appId");
        Optional<App> chosen = requested.flatMap(appId -> apps.stream()
                .filter(app -> app.id().toString().equals(appId)).findFirst());
        if (requested.isPresent() && chosen.isEmpty()) {
            page.add(new EmptyState("App not found", "It may have been deleted, or the link is mistyped. Pick one below."));
        }
        return chosen;
    }

    private static Select<App> picker(String id, List<App> apps) {
        Select<App> picker = new Select<>();
        picker.setId(id);
        picker.setLabel("App");
        picker.setWidth("20rem");
        picker.setItems(apps);
        picker.setItemLabelGenerator(App::name);
        return picker;
    }
}
