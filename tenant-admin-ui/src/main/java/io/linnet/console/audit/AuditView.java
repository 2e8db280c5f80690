package io.linnet.console.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditEntry;
import io.linnet.tenancy.audit.AuditFilter;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.tenant.TenantManagement;
import jakarta.annotation.security.RolesAllowed;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The audit log, newest first: who did what, to what, when and from where. A member sees their
 * tenant's; an operator sees the whole platform's, with the tenant each entry concerns. Filters
 * narrow it (who, action, target, days, any text) and the export downloads what they leave as CSV.
 * A row opens to the entry's whole details; ids are cut short in the grid, whole on hover.
 */
@Route("audit")
@PageTitle("Audit log · Linnet")
@Menu(title = "Audit log", order = 30, icon = "vaadin:list")
@RolesAllowed({"OWNER", "ADMIN", "OPERATOR"})
public class AuditView extends VerticalLayout {

    /** An export stops here: beyond it, narrow the filters (or page through the API). */
    static final int MAX_EXPORT = 10_000;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<TenantId, String> tenantNames = new HashMap<>();
    private final SignedInAccount signedIn;
    private final AuditLog audit;
    private final TenantManagement tenants;
    private final boolean operator;

    private final TextField actor = filterField("Who", "audit-actor", "E-mail address");
    private final TextField action = filterField("Action", "audit-action", "e.g. app.created");
    private final TextField target = filterField("Target", "audit-target", "Type, id or name");
    private final DatePicker from = day("From", "audit-from");
    private final DatePicker to = day("To", "audit-to");
    private final TextField search = filterField("Search", "audit-search", "Anywhere in the entry");
    private final PagedGrid<AuditEntry> list;

    public AuditView(SignedInAccount signedIn, AuditLog audit, TenantManagement tenants) {
        this.signedIn = signedIn;
        this.audit = audit;
        this.tenants = tenants;
        this.operator = signedIn.actor() instanceof Actor.Operator;
        addClassName("console-view");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        list = new PagedGrid<>(AuditEntry.class, request -> page(currentFilter(), request),
                new EmptyState("Nothing recorded yet", operator
                        ? "Tenants created or suspended, and every change inside them, will be listed here (or none matches the filters)."
                        : "Changes to apps, keys and the team will be listed here (or none matches the filters)."));
        list.grid().setId("audit");
        list.grid().addColumn(entry -> Times.format(entry.at())).setHeader("When (UTC)").setAutoWidth(true).setFlexGrow(0);
        if (operator) {
            list.grid().addColumn(this::tenantName).setHeader("Tenant").setFlexGrow(1);
        }
        list.grid().addColumn(AuditEntry::actor).setHeader("Who").setFlexGrow(2);
        list.grid().addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true)
                .setPartNameGenerator(entry -> "monospace-cell");
        list.grid().addComponentColumn(AuditView::targetCell).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        list.grid().addComponentColumn(AuditView::detailsCell).setHeader("Details").setFlexGrow(3);
        list.grid().addColumn(AuditEntry::sourceAddress).setHeader("From").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(entry -> "monospace-cell");
        list.grid().setItemDetailsRenderer(new ComponentRenderer<>(AuditView::detailsPanel));
        list.grid().setDetailsVisibleOnClick(true);

        for (TextField field : List.of(actor, action, target, search)) {
            field.addValueChangeListener(event -> list.reload());
        }
        for (DatePicker field : List.of(from, to)) {
            field.addValueChangeListener(event -> {
                if (daysInOrder()) {
                    list.reload();
                }
            });
        }
        FlexLayout filters = new FlexLayout(actor, action, target, from, to, search, exportLink());
        filters.setId("audit-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("audit-filters");

        add(new H2("Audit log"), new Paragraph((operator
                ? "Every change made on the platform, newest first."
                : "Every change made in this tenant, newest first.") + " Click an entry for its whole details."),
                filters, list);
        list.reload();
    }

    private Page<AuditEntry> page(AuditFilter filter, Page.Request request) {
        return operator
                ? audit.listAll(signedIn.operator(), Optional.empty(), filter, request)
                : audit.list(signedIn.member(), filter, request);
    }

    private AuditFilter currentFilter() {
        boolean ordered = from.getValue() == null || to.getValue() == null || !to.getValue().isBefore(from.getValue());
        return new AuditFilter(actor.getValue(), action.getValue(), target.getValue(), from.getValue(),
                ordered ? to.getValue() : null, search.getValue());
    }

    /** A last day before the first is said beside it, and the list waits until it is fixed. */
    private boolean daysInOrder() {
        boolean ordered = from.getValue() == null || to.getValue() == null || !to.getValue().isBefore(from.getValue());
        to.setInvalid(!ordered);
        to.setErrorMessage(ordered ? null : "The last day must not be before the first");
        return ordered;
    }

    /** The export downloads, with the session, what the filters leave at the moment it is clicked. */
    private Component exportLink() {
        DownloadHandler handler = event -> {
            event.setFileName("audit-log.csv");
            event.setContentType("text/csv; charset=utf-8");
            String csv = AuditCsv.of(everything(currentFilter()), this::tenantCell, AuditView::json);
            try (OutputStream out = event.getOutputStream()) {
                out.write(csv.getBytes(StandardCharsets.UTF_8));
            }
        };
        Anchor link = new Anchor();
        // the download is registered with the UI, which the link has only once it is attached
        link.addAttachListener(event -> link.setHref(handler, AttachmentType.DOWNLOAD));
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export CSV"));
        link.setId("audit-csv");
        link.setTitle("Download the entries the filters leave (up to " + MAX_EXPORT + ") as CSV");
        link.addClassName("audit-export");
        return link;
    }

    private List<AuditEntry> everything(AuditFilter filter) {
        List<AuditEntry> all = new ArrayList<>();
        Page<AuditEntry> page = page(filter, Page.Request.first(Page.MAX_LIMIT));
        all.addAll(page.items());
        while (page.nextCursor().isPresent() && all.size() < MAX_EXPORT) {
            page = page(filter, Page.Request.of(Page.MAX_LIMIT, page.nextCursor().get()));
            all.addAll(page.items());
        }
        return all.size() > MAX_EXPORT ? all.subList(0, MAX_EXPORT) : all;
    }

    private String tenantName(AuditEntry entry) {
        return entry.tenantId() == null ? "platform"
                : tenantNames.computeIfAbsent(entry.tenantId(), id -> tenants.get(signedIn.operator(), id).name());
    }

    private String tenantCell(AuditEntry entry) {
        return operator ? tenantName(entry) : "";
    }

    /** The target on one line: its type, then its name where known, else its id, cut short if it is a UUID. */
    private static Component targetCell(AuditEntry entry) {
        Span type = new Span(entry.targetType());
        type.addClassName("audit-target-type");
        String id = entry.targetId() == null ? "" : entry.targetId();
        Span shown = new Span(entry.targetName() != null ? entry.targetName()
                : UUID.matcher(id).matches() ? id.substring(0, 8) + "…" : id);
        shown.addClassName(entry.targetName() != null ? "audit-target-name" : "audit-target-id");
        Span cell = new Span(type, new Span(" "), shown);
        cell.addClassName("audit-target");
        cell.getElement().setAttribute("title", entry.targetType() + " " + id
                + (entry.targetName() == null ? "" : " (" + entry.targetName() + ")"));
        return cell;
    }

    /** The details on one line, cut with an ellipsis; the row opens to all of them. */
    private static Component detailsCell(AuditEntry entry) {
        Span summary = new Span(entry.details().entrySet().stream()
                .map(detail -> detail.getKey() + ": " + detail.getValue())
                .collect(Collectors.joining(", ")));
        summary.addClassName("audit-details-summary");
        return summary;
    }

    private static Component detailsPanel(AuditEntry entry) {
        Div panel = new Div();
        panel.addClassName("audit-entry-details");
        panel.add(new Paragraph("Target: " + entry.targetType() + " " + Optional.ofNullable(entry.targetId()).orElse("")
                + Optional.ofNullable(entry.targetName()).map(name -> " (" + name + ")").orElse("")
                + " · entry " + entry.id()));
        Pre details = new Pre(json(entry.details()));
        details.addClassName("audit-details-json");
        panel.add(details);
        return panel;
    }

    private static String json(Map<String, Object> details) {
        return JSON.writeValueAsString(details);
    }

    private static TextField filterField(String label, String id, String placeholder) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.setWidth("12rem");
        return field;
    }

    private static DatePicker day(String label, String id) {
        DatePicker day = new DatePicker(label);
        day.setId(id);
        day.setManualValidation(true);
        day.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        day.setClearButtonVisible(true);
        day.setWidth("10rem");
        return day;
    }
}
