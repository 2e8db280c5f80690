package io.linnet.console.analytics;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.linnet.analytics.Analytics;
import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageQuery;
import io.linnet.analytics.UsageReport;
import io.linnet.console.app.AppPicker;
import io.linnet.console.app.AppsView;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The numbers of one app, or of all of the tenant's apps together, over a range of days: messages,
 * active users, connections, deliveries, API calls, the push funnel and moderation, each chart with
 * its table and CSV. The range lives in the address ({@code analytics/<appId>?range=30d}).
 */
@Route("analytics/:appId?")
@Menu(title = "Analytics", order = 12, icon = "vaadin:chart")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class AnalyticsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ALL_APPS = "All apps";

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final Analytics analytics;
    private final Paragraph rangeText = new Paragraph();
    private final Div charts = new Div();
    private Optional<App> app = Optional.empty();
    private UsageRange range;

    public AnalyticsView(SignedInAccount signedIn, AppManagement apps, Analytics analytics) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.analytics = analytics;
        addClassName("console-view");
        rangeText.setId("range-description");
        rangeText.addClassName("range-description");
        charts.setId("charts");
        charts.addClassName("chart-grid");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        charts.removeAll();
        add(new ViewHeader("Analytics", "How your apps are used, per hour or per day (UTC). Numbers lag what "
                + "happened by a few seconds; each chart's numbers are a click away and download as CSV."));
        List<App> all = apps.list(signedIn.member(), Page.Request.first(Page.MAX_LIMIT)).items();
        if (all.isEmpty()) {
            add(new EmptyState("No apps yet", "Analytics counts what an app's users and backend do: create an app first.",
                    new RouterLink("Go to apps", AppsView.class)));
            return;
        }
        range = UsageRange.fromParameters(event.getLocation().getQueryParameters().getParameters(), today());
        app = AppPicker.addWithAllApps(this, all, event, AnalyticsView.class, "analytics-app", ALL_APPS,
                () -> QueryParameters.simple(range.parameters()));
        if (event.getRouteParameters().get("appId").isPresent() && app.isEmpty()) {
            return;
        }
        add(new RangeForm(range, AnalyticsView::today, this::rangeChanged), rangeText, charts);
        show();
    }

    @Override
    public String getPageTitle() {
        return app.map(one -> "Analytics of " + one.name()).orElse("Analytics") + " · Linnet";
    }

    private void rangeChanged(UsageRange changed) {
        range = changed;
        String path = "analytics" + app.map(one -> "/" + one.id()).orElse("");
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location(path, QueryParameters.simple(range.parameters()))));
        show();
    }

    private void show() {
        charts.removeAll();
        Instant now = Instant.now();
        Actor.Member member = signedIn.member();
        rangeText.setText(app.map(App::name).orElse(ALL_APPS) + ", " + range.describe()
                + (range.granularity() == io.linnet.analytics.Granularity.HOUR ? ", per hour" : ", per day"));
        Feedback.attempt(() -> {
            UsageQuery query = range.query(UsageCharts.metrics(), now);
            UsageQuery daily = range.daily(List.of(Metric.ACTIVE_USERS), now);
            return List.of(report(member, query), report(member, daily));
        }).ifPresent(reports -> UsageCharts.all(reports.get(0), reports.get(1), range.describe(), fileName(),
                range.fileSuffix()).forEach(charts::add));
    }

    private UsageReport report(Actor.Member member, UsageQuery query) {
        return app.isPresent() ? analytics.report(member, app.get().id(), query) : analytics.report(member, query);
    }

    /** The app's name as a file name ("chat-prod"), or "all-apps". */
    private String fileName() {
        String name = app.map(App::name).orElse("all apps").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return name.isEmpty() ? "app" : name;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
