package io.linnet.console.analytics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.analytics.Analytics;
import io.linnet.analytics.TenantUsage;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.StatCard;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.console.tenant.TenantView;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.tenant.TenantManagement;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * The operator's view of the whole platform over a range of days: what all tenants did together, and
 * the tenants ranked by messages, active users or pushes, each leading to its page.
 */
@Route("platform")
@PageTitle("Platform usage · Linnet")
@Menu(title = "Platform usage", order = 2, icon = "vaadin:chart")
@RolesAllowed("OPERATOR")
public class PlatformView extends VerticalLayout implements BeforeEnterObserver {

    /** What the tenants are ranked by. */
    enum RankBy {
        MESSAGES("Messages", TenantUsage::messages),
        ACTIVE_USERS("Active users", TenantUsage::activeUsers),
        PUSHES("Pushes", TenantUsage::pushes);

        final String label;
        final ToLongFunction<TenantUsage> number;

        RankBy(String label, ToLongFunction<TenantUsage> number) {
            this.label = label;
            this.number = number;
        }
    }

    /** A tenant's place in the ranking, with its name. */
    record Ranked(int rank, TenantId tenantId, Optional<String> name, TenantUsage usage) {
    }

    private final SignedInAccount signedIn;
    private final Analytics analytics;
    private final TenantManagement tenants;
    private final Map<TenantId, Optional<String>> names = new HashMap<>();
    private final Paragraph rangeText = new Paragraph();
    private final Div totals = new Div();
    private final Select<RankBy> rankBy = new Select<>();
    private final Grid<Ranked> ranking = new Grid<>();
    private final EmptyState nothing = new EmptyState("Nothing happened in this range",
            "Tenants appear here once their apps send messages, have active users or send pushes.");
    private List<TenantUsage> usage = List.of();
    private UsageRange range;

    public PlatformView(SignedInAccount signedIn, Analytics analytics, TenantManagement tenants) {
        this.signedIn = signedIn;
        this.analytics = analytics;
        this.tenants = tenants;
        addClassName("console-view");
        rangeText.setId("range-description");
        rangeText.addClassName("range-description");
        totals.setId("platform-totals");
        totals.addClassName("stat-grid");
        rankBy.setId("rank-by");
        rankBy.setLabel("Rank by");
        rankBy.setItems(RankBy.values());
        rankBy.setItemLabelGenerator(by -> by.label);
        rankBy.setValue(RankBy.MESSAGES);
        rankBy.addValueChangeListener(event -> rank());
        ranking.setId("platform-tenants");
        ranking.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        ranking.setAllRowsVisible(true);
        ranking.addColumn(Ranked::rank).setHeader("#").setWidth("4rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        ranking.addComponentColumn(PlatformView::name).setHeader("Tenant").setFlexGrow(2);
        for (RankBy by : RankBy.values()) {
            ranking.addColumn(row -> UsageCharts.count(by.number.applyAsLong(row.usage()))).setHeader(by.label)
                    .setAutoWidth(true).setTextAlign(ColumnTextAlign.END).setPartNameGenerator(row -> "numeric-cell");
        }
        nothing.setId("platform-empty");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new ViewHeader("Platform usage", "What every tenant's apps did, in UTC days: messages stored, distinct active "
                + "end users (per app, added up) and pushes handed to providers."));
        range = UsageRange.fromParameters(event.getLocation().getQueryParameters().getParameters(), today());
        add(new RangeForm(range, PlatformView::today, this::rangeChanged, false), rangeText, totals, rankBy, ranking, nothing);
        show();
    }

    private void rangeChanged(UsageRange changed) {
        range = changed;
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location("platform", QueryParameters.simple(range.parameters()))));
        show();
    }

    private void show() {
        rangeText.setText("All tenants, " + range.describe());
        usage = Feedback.attempt(() -> analytics.platform(signedIn.operator(), range.from(), range.to().plusDays(1)))
                .orElse(List.of());
        totals.removeAll();
        totals.add(new StatCard("total-tenants", "Active tenants", UsageCharts.count(usage.size()), "Tenants with any use"),
                total("total-messages", RankBy.MESSAGES, "Messages stored"),
                total("total-active-users", RankBy.ACTIVE_USERS, "Distinct per app, added up"),
                total("total-pushes", RankBy.PUSHES, "Notifications handed to providers"));
        rank();
    }

    private Component total(String id, RankBy by, String detail) {
        return new StatCard(id, by.label, UsageCharts.count(usage.stream().mapToLong(by.number).sum()), detail);
    }

    private void rank() {
        List<Ranked> rows = ranked(usage, rankBy.getValue(), this::name);
        ranking.setItems(rows);
        ranking.setVisible(!rows.isEmpty());
        rankBy.setVisible(!rows.isEmpty());
        nothing.setVisible(rows.isEmpty());
    }

    /** The tenants by {@code by}, most first (ties by messages, then name), numbered from 1. */
    static List<Ranked> ranked(List<TenantUsage> usage, RankBy by, java.util.function.Function<TenantId, Optional<String>> names) {
        List<TenantUsage> sorted = usage.stream()
                .sorted(Comparator.comparingLong(by.number).reversed()
                        .thenComparing(Comparator.comparingLong(TenantUsage::messages).reversed())
                        .thenComparing(one -> names.apply(one.tenantId()).orElse("")))
                .toList();
        return IntStream.range(0, sorted.size())
                .mapToObj(i -> new Ranked(i + 1, sorted.get(i).tenantId(), names.apply(sorted.get(i).tenantId()), sorted.get(i)))
                .toList();
    }

    /** A tenant's name; empty for one deleted since. */
    private Optional<String> name(TenantId tenant) {
        return names.computeIfAbsent(tenant, id -> {
            try {
                return Optional.of(tenants.get(signedIn.operator(), id).name());
            } catch (DomainException gone) {
                return Optional.empty();
            }
        });
    }

    private static Component name(Ranked row) {
        if (row.name().isEmpty()) {
            Span deleted = new Span("Deleted tenant");
            deleted.addClassName("muted");
            return deleted;
        }
        RouterLink link = new RouterLink(row.name().get(), TenantView.class,
                new RouteParameters("tenantId", row.tenantId().value().toString()));
        link.setId("tenant-" + row.tenantId().value());
        return link;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
