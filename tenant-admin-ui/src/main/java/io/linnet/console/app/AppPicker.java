package io.linnet.console.app;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.component.EmptyState;
import io.linnet.tenancy.app.App;

import java.util.List;
import java.util.Optional;

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
        Optional<String> requested = event.getRouteParameters().get("appId");
        Optional<App> chosen = requested.flatMap(appId -> apps.stream()
                .filter(app -> app.id().toString().equals(appId)).findFirst());
        if (requested.isPresent() && chosen.isEmpty()) {
            page.add(new EmptyState("App not found", "It may have been deleted, or the link is mistyped. Pick one below."));
        }
        Select<App> picker = new Select<>();
        picker.setId(id);
        picker.setLabel("App");
        picker.setWidth("20rem");
        picker.setItems(apps);
        picker.setItemLabelGenerator(App::name);
        chosen.ifPresent(picker::setValue);
        picker.addValueChangeListener(change -> picker.getUI().ifPresent(ui -> ui.navigate(route,
                new RouteParameters("appId", change.getValue().id().toString()))));
        page.add(picker);
        if (chosen.isEmpty()) {
            page.add(new Paragraph(choose));
        }
        return chosen;
    }
}
