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
import io.linnet.tenancy.audit.AuditEntry;
import io.linnet.tenancy.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/** The tenant's audit log, newest first: who did what, to what, when and from where. */
@Route("audit")
@PageTitle("Audit log · Linnet")
@Menu(title = "Audit log", order = 30, icon = "vaadin:list")
@RolesAllowed({"OWNER", "ADMIN"})
public class AuditView extends VerticalLayout {

    public AuditView(SignedInAccount signedIn, AuditLog audit) {
        addClassName("console-view");
        PagedGrid<AuditEntry> list = new PagedGrid<>(AuditEntry.class, request -> audit.list(signedIn.member(), request),
                new EmptyState("Nothing recorded yet", "Changes to apps, keys and the team will be listed here."));
        list.grid().setId("audit");
        list.grid().addColumn(entry -> Times.format(entry.at())).setHeader("When (UTC)").setAutoWidth(true);
        list.grid().addColumn(AuditEntry::actor).setHeader("Who").setFlexGrow(2);
        list.grid().addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true)
                .setPartNameGenerator(entry -> "monospace-cell");
        list.grid().addColumn(entry -> entry.targetType() + " " + entry.targetId()).setHeader("Target").setFlexGrow(2);
        list.grid().addColumn(AuditView::details).setHeader("Details").setFlexGrow(3);
        list.grid().addColumn(AuditEntry::sourceAddress).setHeader("From").setAutoWidth(true);
        add(new H2("Audit log"), new Paragraph("Every change made in this tenant, newest first."), list);
        list.reload();
    }

    private static String details(AuditEntry entry) {
        return entry.details().entrySet().stream()
                .map(detail -> detail.getKey() + ": " + detail.getValue())
                .collect(Collectors.joining(", "));
    }
}
