package io.linnet.console.tenant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import io.linnet.tenancy.account.InvitationLinks;
import io.linnet.tenancy.tenant.Tenant;
import io.linnet.tenancy.tenant.TenantManagement;
import jakarta.annotation.security.RolesAllowed;

/** The operator's list of tenants: open one, create one with its owner, suspend, resume and delete. */
@Route("tenants")
@PageTitle("Tenants · Linnet")
@Menu(title = "Tenants", order = 1, icon = "vaadin:building")
@RolesAllowed("OPERATOR")
public class TenantsView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final TenantManagement tenants;
    private final InvitationLinks links;
    private final PagedGrid<Tenant> list;

    public TenantsView(SignedInAccount signedIn, TenantManagement tenants, InvitationLinks links) {
        this.signedIn = signedIn;
        this.tenants = tenants;
        this.links = links;
        addClassName("console-view");

        Button create = new Button("New tenant", VaadinIcon.PLUS.create(), event -> openNewTenant());
        create.setId("new-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Button createFirst = new Button("Create the first tenant", event -> openNewTenant());
        list = new PagedGrid<>(Tenant.class, request -> tenants.list(signedIn.operator(), request),
                new EmptyState("No tenants yet", "A tenant is one customer organisation, with its owner, team and apps.",
                        createFirst));
        list.grid().setId("tenants");
        list.grid().addComponentColumn(TenantsView::name).setHeader("Name").setFlexGrow(2);
        list.grid().addComponentColumn(TenantsView::status).setHeader("Status").setAutoWidth(true);
        list.grid().addColumn(tenant -> Times.format(tenant.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        list.grid().addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);

        add(header(create), list);
        list.reload();
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
