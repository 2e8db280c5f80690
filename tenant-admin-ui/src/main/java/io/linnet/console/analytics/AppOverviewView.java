package io.linnet.console.analytics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.linnet.analytics.Analytics;
import io.linnet.analytics.AppOverview;
import io.linnet.analytics.Granularity;
import io.linnet.analytics.Metric;
import io.linnet.analytics.UsageQuery;
import io.linnet.analytics.UsageReport;
import io.linnet.console.app.AppPicker;
import io.linnet.console.appkey.AppKeysView;
import io.linnet.console.component.StatCard;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.moderation.ReviewQueueView;
import io.linnet.console.push.PushCredentialsView;
import io.linnet.console.session.SignedInAccount;
import io.linnet.moderation.ModerationCounts;
import io.linnet.push.PushCredential;
import io.linnet.push.PushCredentials;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An app's landing page: today's headline numbers (UTC) on cards that each lead to their details,
 * and the last 7 days' messages. Cards about moderation and push credentials show only to members
 * who may open those pages.
 */
@Route("apps/:appId")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "MODERATOR", "VIEWER"})
public class AppOverviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int CHART_DAYS = 7;
    private static final DateTimeFormatter MONTH_START = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final Analytics analytics;
    private final ModerationCounts moderation;
    private final PushCredentials credentials;
    private App app;

    public AppOverviewView(SignedInAccount signedIn, AppManagement apps, Analytics analytics, ModerationCounts moderation,
                           PushCredentials credentials) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.analytics = analytics;
        this.moderation = moderation;
        this.credentials = credentials;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Actor.Member member = signedIn.member();
        app = AppPicker.fromAddress(this, apps, member, event).orElse(null);
        if (app == null) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AppOverview overview = analytics.overview(member, app.id());
        UsageReport week = analytics.report(member, app.id(), UsageQuery.of(
                today.minusDays(CHART_DAYS - 1L).atStartOfDay().toInstant(ZoneOffset.UTC),
                today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), Granularity.DAY,
                List.of(Metric.MESSAGES_DIRECT, Metric.MESSAGES_GROUP, Metric.PUSH_SENT, Metric.PUSH_DELIVERED)));

        add(new ViewHeader(app.name(), "Today so far (UTC). Each card opens its details.", actions()));
        Div cards = new Div();
        cards.setId("overview-cards");
        cards.addClassName("stat-grid");
        cards.add(cards(member, overview, week, today).toArray(Component[]::new));
        add(cards);
        UsageRange lastWeek = UsageRange.standard(today);
        add(UsageCharts.card(UsageCharts.MESSAGES, week, lastWeek.describe(),
                "messages-" + lastWeek.fileSuffix() + ".csv"));
    }

    @Override
    public String getPageTitle() {
        return (app == null ? "App" : app.name()) + " · Linnet";
    }

    private List<StatCard> cards(Actor.Member member, AppOverview overview, UsageReport week, LocalDate today) {
        RouteParameters thisApp = new RouteParameters("appId", app.id().toString());
        QueryParameters lastDay = range(UsageRange.of(UsageRange.Choice.TODAY, today, Optional.empty()));
        QueryParameters last30 = range(UsageRange.of(UsageRange.Choice.LAST_30_DAYS, today, Optional.empty()));
        QueryParameters thisMonth = range(new UsageRange(UsageRange.Choice.CUSTOM, today.withDayOfMonth(1), today,
                Granularity.DAY));
        List<StatCard> cards = new ArrayList<>();
        cards.add(new StatCard("card-active-today", "Active users today", count(overview.activeToday()),
                "Distinct users who connected or sent", AnalyticsView.class, thisApp, last30));
        cards.add(new StatCard("card-active-month", "Active this month", count(overview.activeThisMonth()),
                "Distinct users since " + MONTH_START.format(today.withDayOfMonth(1)), AnalyticsView.class, thisApp, thisMonth));
        cards.add(new StatCard("card-active-30-days", "Active in 30 days", count(overview.activeLast30Days()),
                "Distinct users in the last 30 days", AnalyticsView.class, thisApp, last30));
        cards.add(new StatCard("card-messages-today", "Messages today", count(overview.messagesToday()),
                Headlines.change(overview.messagesToday(), overview.messagesYesterday()), AnalyticsView.class, thisApp,
                range(UsageRange.standard(today))));
        cards.add(new StatCard("card-peak-connections", "Peak connections today", count(overview.peakConnectionsToday()),
                "Most WebSocket connections open at once", AnalyticsView.class, thisApp, lastDay));
        long sent = today(week, Metric.PUSH_SENT);
        long delivered = today(week, Metric.PUSH_DELIVERED);
        cards.add(new StatCard("card-push-delivery", "Push delivery today", Headlines.deliveryRate(delivered, sent),
                Headlines.deliveryDetail(delivered, sent), AnalyticsView.class, thisApp, lastDay));
        cards.add(new StatCard("card-api-calls", "API calls today", count(overview.apiCallsToday()),
                overview.apiErrorsToday() == 0 ? "No errors" : count(overview.apiErrorsToday()) + " answered with an error",
                AnalyticsView.class, thisApp, lastDay).warning(overview.apiErrorsToday() > 0));
        if (signedIn.may(Permission.MODERATION)) {
            ModerationCounts.Day day = moderation.daily(member, app.id(), 1).getLast();
            cards.add(new StatCard("card-moderation", "Flagged or reported today", count(day.flagged() + day.reported()),
                    count(day.blocked()) + " blocked, " + count(day.masked()) + " masked by the rules",
                    ReviewQueueView.class, thisApp, QueryParameters.empty()));
        }
        if (signedIn.may(Permission.PUSH_CREDENTIALS_READ)) {
            List<PushCredential> live = credentials.list(member, app.id());
            long expiring = Headlines.expiring(live);
            cards.add(new StatCard("card-push-credentials", "Push credentials expiring", count(expiring),
                    Headlines.expiringDetail(live), PushCredentialsView.class, thisApp, QueryParameters.empty())
                    .warning(expiring > 0));
        }
        return cards;
    }

    private Component[] actions() {
        List<Component> actions = new ArrayList<>();
        actions.add(link("open-analytics", "Analytics", VaadinIcon.CHART, AnalyticsView.class));
        if (signedIn.may(Permission.KEYS_READ)) {
            actions.add(link("open-keys", "Keys", VaadinIcon.KEY, AppKeysView.class));
        }
        if (signedIn.may(Permission.PUSH_CREDENTIALS_READ)) {
            actions.add(link("open-push-credentials", "Push credentials", VaadinIcon.BELL, PushCredentialsView.class));
        }
        return actions.toArray(Component[]::new);
    }

    private Button link(String id, String text, VaadinIcon icon, Class<? extends Component> route) {
        Button button = new Button(text, icon.create(), event -> getUI().ifPresent(ui ->
                ui.navigate(route, new RouteParameters("appId", app.id().toString()))));
        button.setId(id);
        return button;
    }

    private static QueryParameters range(UsageRange range) {
        return QueryParameters.simple(range.parameters());
    }

    /** Today's value: the last point of a daily report that ends today. */
    private static long today(UsageReport report, Metric metric) {
        return report.series(metric).map(series -> series.points().getLast().value()).orElse(0L);
    }

    private static String count(long value) {
        return UsageCharts.count(value);
    }
}
