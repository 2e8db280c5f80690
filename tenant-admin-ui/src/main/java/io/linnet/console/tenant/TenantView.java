package io.linnet.console.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.linnet.analytics.Analytics;
import io.linnet.analytics.TenantUsage;
import io.linnet.billing.Billing;
import io.linnet.billing.Invoices;
import io.linnet.billing.Plans;
import io.linnet.console.billing.TenantBilling;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.StatCard;
import io.linnet.console.component.Times;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.account.InvitationLinks;
import io.linnet.tenancy.account.Member;
import io.linnet.tenancy.account.MemberManagement;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.tenant.Tenant;
import io.linnet.tenancy.tenant.TenantManagement;
import io.linnet.tenancy.tenant.TenantSummary;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One tenant as the operator sees it: its status, since when, its owner (with a fresh invitation link
 * for an owner who has not joined), apps and members, what its apps did in the last 30 days, and its
 * billing (subscription, quotas and invoices).
 */
@Route("tenants/:tenantId")
@RolesAllowed("OPERATOR")
public class TenantView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int USAGE_DAYS = 30;

    private final SignedInAccount signedIn;
    private final TenantManagement tenants;
    private final Analytics analytics;
    private final Billing billing;
    private final Plans plans;
    private final Invoices invoices;
    private final MemberManagement members;
    private final AppManagement apps;
    private final InvitationLinks links;
    private Tenant tenant;

    public TenantView(SignedInAccount signedIn, TenantManagement tenants, Analytics analytics, Billing billing, Plans plans,
                      Invoices invoices, MemberManagement members, AppManagement apps, InvitationLinks links) {
        this.signedIn = signedIn;
        this.tenants = tenants;
        this.members = members;
        this.apps = apps;
        this.links = links;
        this.analytics = analytics;
        this.billing = billing;
        this.plans = plans;
        this.invoices = invoices;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RouterLink back = new RouterLink("← Tenants", TenantsView.class);
        back.addClassName("back-link");
        add(back);
        TenantSummary summary;
        try {
            summary = tenants.summary(signedIn.operator(), TenantId.of(event.getRouteParameters().get("tenantId").orElse("")));
            tenant = summary.tenant();
        } catch (DomainException notFound) {
            tenant = null;
            add(new EmptyState("Tenant not found", "It may have been deleted, or the link is mistyped."));
            return;
        }
        Span status = new Span(tenant.status().name());
        status.setId("tenant-status");
        status.getElement().getThemeList().add(tenant.status() == Tenant.Status.ACTIVE ? "badge success" : "badge error");
        add(new ViewHeader(tenant.name(), "A customer organisation, created " + Times.format(tenant.createdAt()) + " (UTC)"
                + (tenant.suspendedAt() == null ? "." : ", suspended " + Times.format(tenant.suspendedAt()) + " (UTC)."), status));

        add(owner(summary), new H3("Apps"), appNames(apps.ofTenant(signedIn.operator(), tenant.id())),
                new H3("Members"), members(members.ofTenant(signedIn.operator(), tenant.id())));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TenantUsage usage = analytics.platform(signedIn.operator(), today.minusDays(USAGE_DAYS - 1L), today.plusDays(1)).stream()
                .filter(one -> one.tenantId().equals(tenant.id()))
                .findFirst()
                .orElse(new TenantUsage(tenant.id(), 0, 0, 0, 0));
        Div cards = new Div(
                new StatCard("tenant-messages", "Messages", count(usage.messages()), "Stored in its apps"),
                new StatCard("tenant-active-users", "Active users", count(usage.activeUsers()), "Distinct per app, added up"),
                new StatCard("tenant-pushes", "Pushes", count(usage.pushes()), "Handed to providers"));
        cards.addClassName("stat-grid");
        add(new H3("Last " + USAGE_DAYS + " days (UTC)"), cards,
                new Paragraph("Its members see each app's numbers on their Analytics page; the audit log lists its changes."),
                new TenantBilling(signedIn, billing, plans, invoices, tenant.id(), tenant.name()));
    }

    /** Who owns the tenant, whether they joined, and for an owner still invited a way to send a new link. */
    private Div owner(TenantSummary summary) {
        Paragraph text = new Paragraph(summary.ownerEmail()
                .map(email -> "Owner: " + email + (summary.ownerJoined() ? " (joined)" : " (invited, has not joined yet)"))
                .orElse("No owner"));
        text.setId("tenant-owner");
        Div owner = new Div(text);
        if (summary.ownerEmail().isPresent() && !summary.ownerJoined()) {
            Button resend = new Button("Send the invitation again", event -> Feedback.attempt(
                            () -> members.reinviteOwner(signedIn.operator(), tenant.id()))
                    .ifPresent(invitation -> new OwnerInvitationDialog(invitation.member().email(),
                            links.linkFor(invitation)).open()));
            resend.setId("resend-owner-invitation");
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
            owner.add(resend);
        }
        return owner;
    }

    private static Paragraph appNames(List<App> all) {
        Paragraph names = new Paragraph(all.isEmpty() ? "No apps yet."
                : all.stream().map(App::name).collect(Collectors.joining(", ")));
        names.setId("tenant-apps");
        return names;
    }

    private static Grid<Member> members(List<Member> all) {
        Grid<Member> grid = new Grid<>(Member.class, false);
        grid.setId("tenant-members");
        grid.setAllRowsVisible(true);
        grid.addColumn(Member::email).setHeader("E-mail").setFlexGrow(3);
        grid.addColumn(member -> member.role().name()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(member -> member.status() == Member.Status.ACTIVE ? "Joined" : "Invited").setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(member -> Times.formatOrNever(member.lastLoginAt())).setHeader("Last sign-in (UTC)").setAutoWidth(true);
        grid.setItems(all);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return (tenant == null ? "Tenant" : tenant.name()) + " · Linnet";
    }

    private static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }
}
