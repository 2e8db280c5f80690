package io.linnet.console.tenant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.analytics.Analytics;
import io.linnet.analytics.TenantUsage;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.account.InvitationLinks;
import io.linnet.tenancy.tenant.Tenant;
import io.linnet.tenancy.tenant.TenantManagement;
import io.linnet.tenancy.tenant.TenantSummary;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The operator's list of tenants: find one by its name or owner's address, see who owns it, how many
 * apps it has and how many messages it stored this month; open one, create one with its owner,
 * suspend, resume and delete.
 */
@Route("tenants")
@PageTitle("Tenants · Linnet")
@Menu(title = "Tenants", order = 1, icon = "vaadin:building")
@RolesAllowed("OPERATOR")
public class TenantsView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final TenantManagement tenants;
    private final Analytics analytics;
    private final InvitationLinks links;
    private final TextField search = new TextField();
    private final PagedGrid<Row> list;

    /** A tenant with its messages of this month (UTC), which analytics counts. */
    record Row(TenantSummary summary, long messagesThisMonth) {

        Tenant tenant() {
            return summary.tenant();
        }
    }

    public TenantsView(SignedInAccount signedIn, TenantManagement tenants, Analytics analytics, InvitationLinks links) {
        this.signedIn = signedIn;
        this.tenants = tenants;
        this.analytics = analytics;
        this.links = links;
        addClassName("console-view");

        search.setId("tenant-search");
        search.setPlaceholder("Search by name or owner's e-mail");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("24rem");
        search.setMaxLength(200);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        Button create = new Button("New tenant", VaadinIcon.PLUS.create(), event -> openNewTenant());
        create.setId("new-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Button createFirst = new Button("Create the first tenant", event -> openNewTenant());
        list = new PagedGrid<>(Row.class, this::page,
                new EmptyState("No tenants found", "A tenant is one customer organisation, with its owner, team and apps. "
                        + "With a search, only tenants whose name or owner's e-mail contains it are listed.", createFirst));
        list.grid().setId("tenants");
        list.grid().addComponentColumn(row -> name(row.tenant())).setHeader("Name").setFlexGrow(2);
        list.grid().addColumn(TenantsView::owner).setHeader("Owner").setFlexGrow(2);
        list.grid().addColumn(row -> row.summary().apps()).setHeader("Apps").setAutoWidth(true).setFlexGrow(0);
        list.grid().addColumn(row -> String.format(Locale.ENGLISH, "%,d", row.messagesThisMonth()))
                .setHeader("Messages this month").setAutoWidth(true).setFlexGrow(0);
        list.grid().addComponentColumn(row -> status(row.tenant())).setHeader("Status").setAutoWidth(true);
        list.grid().addColumn(row -> Times.format(row.tenant().createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        list.grid().addComponentColumn(row -> actions(row.tenant())).setHeader("").setAutoWidth(true).setFlexGrow(0);

        search.addValueChangeListener(event -> list.reload());
        add(header(create), search, list);
        list.reload();
    }

    /** A page of tenants matching the search, with this month's messages from one reading of analytics. */
    private Page<Row> page(Page.Request request) {
        Page<TenantSummary> found = tenants.summaries(signedIn.operator(), Optional.of(search.getValue()), request);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<TenantId, Long> messages = analytics.platform(signedIn.operator(), today.withDayOfMonth(1), today.plusDays(1))
                .stream().collect(Collectors.toMap(TenantUsage::tenantId, TenantUsage::messages));
        return found.map(summary -> new Row(summary, messages.getOrDefault(summary.tenant().id(), 0L)));
    }

    private static String owner(Row row) {
        return row.summary().ownerEmail()
                .map(email -> row.summary().ownerJoined() ? email : email + " (invited)")
                .orElse("—");
    }

    private static ViewHeader header(Button create) {
        return new ViewHeader("Tenants", "Customer organisations on this Linnet installation.", create);
    }

    private static RouterLink name(Tenant tenant) {
        RouterLink link = new RouterLink(tenant.name(), TenantView.class, new RouteParameters("tenantId", tenant.id().toString()));
        link.setId("tenant-" + tenant.id());
        return link;
    }

    private static Span status(Tenant tenant) {
        Span status = new Span(tenant.status().name());
        status.getElement().getThemeList().add(tenant.status() == Tenant.Status.ACTIVE ? "badge success" : "badge error");
        return status;
    }

    private Component actions(Tenant tenant) {
        if (tenant.status() == Tenant.Status.ACTIVE) {
            Button suspend = new Button("Suspend", event -> confirmSuspend(tenant));
            suspend.setId("suspend-" + tenant.id());
            suspend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return suspend;
        }
        Button resume = new Button("Resume", event -> {
            if (Feedback.succeeded(() -> tenants.resume(signedIn.operator(), tenant.id()))) {
                Feedback.success(tenant.name() + " is active again");
                list.reload();
            }
        });
        resume.setId("resume-" + tenant.id());
        resume.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button("Delete", event -> new DeleteTenantDialog(tenant, () -> {
            if (Feedback.succeeded(() -> tenants.delete(signedIn.operator(), tenant.id()))) {
                Feedback.success(tenant.name() + " was deleted");
                list.reload();
                return true;
            }
            return false;
        }).open());
        delete.setId("delete-" + tenant.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(resume, delete);
        actions.setSpacing(false);
        return actions;
    }

    private void confirmSuspend(Tenant tenant) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-suspend");
        confirm.setHeader("Suspend " + tenant.name() + "?");
        confirm.setText("Its members are signed out and its app keys are refused from the next request on, "
                + "until you resume it. Nothing is deleted.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Suspend");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Feedback.succeeded(() -> tenants.suspend(signedIn.operator(), tenant.id()))) {
                Feedback.success(tenant.name() + " is suspended");
                list.reload();
            }
        });
        confirm.open();
    }

    private void openNewTenant() {
        new NewTenantDialog(tenants, signedIn, links, created -> list.reload()).open();
    }
}
