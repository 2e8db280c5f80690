package io.linnet.console.audit;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditEntry;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.tenant.TenantManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audit log, newest first: who did what, to what, when and from where. A member sees their
 * tenant's; an operator sees the whole platform's, with the tenant each entry concerns.
 */
@Route("audit")
@PageTitle("Audit log · Linnet")
@Menu(title = "Audit log", order = 30, icon = "vaadin:list")
@RolesAllowed({"OWNER", "ADMIN", "OPERATOR"})
public class AuditView extends VerticalLayout {

    private final Map<TenantId, String> tenantNames = new HashMap<>();

    public AuditView(SignedInAccount signedIn, AuditLog audit, TenantManagement tenants) {
        addClassName("console-view");
        boolean operator = signedIn.actor() instanceof Actor.Operator;
        PagedGrid<AuditEntry> list = new PagedGrid<>(AuditEntry.class, request -> operator
                ? audit.listAll(signedIn.operator(), Optional.empty(), request)
                : audit.list(signedIn.member(), request),
                new EmptyState("Nothing recorded yet", operator
                        ? "Tenants created or suspended, and every change inside them, will be listed here."
                        : "Changes to apps, keys and the team will be listed here."));
        list.grid().setId("audit");
        list.grid().addColumn(entry -> Times.format(entry.at())).setHeader("When (UTC)").setAutoWidth(true);
        if (operator) {
            list.grid().addColumn(entry -> entry.tenantId() == null ? "platform"
                            : tenantNames.computeIfAbsent(entry.tenantId(), id -> tenants.get(signedIn.operator(), id).name()))
                    .setHeader("Tenant").setFlexGrow(1);
        }
        list.grid().addColumn(AuditEntry::actor).setHeader("Who").setFlexGrow(2);
        list.grid().addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true)
                .setPartNameGenerator(entry -> "monospace-cell");
        list.grid().addColumn(entry -> entry.targetType() + " " + entry.targetId()).setHeader("Target").setFlexGrow(2);
        list.grid().addColumn(AuditView::details).setHeader("Details").setFlexGrow(3);
        list.grid().addColumn(AuditEntry::sourceAddress).setHeader("From").setAutoWidth(true);
        add(new H2("Audit log"), new Paragraph(operator
                ? "Every change made on the platform, newest first."
                : "Every change made in this tenant, newest first."), list);
        list.reload();
    }

    private static String details(AuditEntry entry) {
        return entry.details().entrySet().stream()
                .map(detail -> detail.getKey() + ": " + detail.getValue())
                .collect(Collectors.joining(", "));
    }
}
