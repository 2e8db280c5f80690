package io.linnet.console.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceId;
import io.linnet.billing.InvoiceStatus;
import io.linnet.billing.Invoices;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.DomainException;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list of invoices: number, period, status, total, and their PDF and CSV as downloads. Tenant members
 * see their own; operators see one tenant's or everyone's (then with the tenant's name), and may issue,
 * mark paid or void each one as its status allows.
 */
class InvoiceGrid extends Composite<VerticalLayout> {

    /** Whose invoices, and what their signed-in reader may do with them. */
    interface Access {

        byte[] pdf(InvoiceId id);

        String csv(InvoiceId id);
    }

    /** A tenant member's access: their own tenant's invoices, asked for as the member is at each download. */
    static Access member(SignedInAccount signedIn, Invoices invoices) {
        return new Access() {
            @Override
            public byte[] pdf(InvoiceId id) {
                return invoices.pdf(signedIn.member(), id);
            }

            @Override
            public String csv(InvoiceId id) {
                return invoices.csv(signedIn.member(), id);
            }
        };
    }

    /** An operator's access: any tenant's invoices. */
    static Access operator(SignedInAccount signedIn, Invoices invoices) {
        return new Access() {
            @Override
            public byte[] pdf(InvoiceId id) {
                return invoices.pdf(signedIn.operator(), id);
            }

            @Override
            public String csv(InvoiceId id) {
                return invoices.csv(signedIn.operator(), id);
            }
        };
    }

    private final Grid<Invoice> grid = new Grid<>();
    private final EmptyState empty;

    /**
     * @param withTenant whether to show each invoice's tenant (the operator's list of all)
     * @param operations the operator's actions, or null for a member's list
     */
    InvoiceGrid(String id, Access access, boolean withTenant, InvoiceOperations operations, EmptyState empty) {
        this.empty = empty;
        empty.setId(id + "-empty");
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Invoice::number).setHeader("Number").setWidth("11rem").setFlexGrow(0)
                .setPartNameGenerator(invoice -> "monospace-cell");
        if (withTenant) {
            grid.addComponentColumn(InvoiceGrid::tenant).setHeader("Tenant").setWidth("10rem").setFlexGrow(2);
        }
        grid.addColumn(invoice -> Amounts.period(invoice.statement().period())).setHeader("Period").setWidth("10rem").setFlexGrow(1);
        grid.addComponentColumn(InvoiceGrid::status).setHeader("Status").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(invoice -> Amounts.money(invoice.statement().total())).setHeader("Total").setWidth("8.5rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setPartNameGenerator(invoice -> "numeric-cell");
        if (!withTenant) {
            // the list of every tenant's needs the room for the tenant; the day of issue is in its CSV
            grid.addColumn(invoice -> invoice.issuedAt().map(Times::format).orElse("—")).setHeader("Issued (UTC)")
                    .setWidth("10.5rem").setFlexGrow(0);
        }
        grid.addComponentColumn(invoice -> files(access, invoice)).setHeader("Download").setWidth("9rem").setFlexGrow(0);
        if (operations != null) {
            grid.addComponentColumn(invoice -> actions(operations, invoice)).setHeader("").setWidth("10.5rem").setFlexGrow(0);
        }
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.add(grid, empty);
    }

    void show(List<Invoice> invoices) {
        grid.setItems(invoices);
        grid.setVisible(!invoices.isEmpty());
        empty.setVisible(invoices.isEmpty());
    }

    private static Component tenant(Invoice invoice) {
        // the operator's tenant page, by its address: a RouterLink would tie this package to the tenant pages' package
        Anchor link = new Anchor("tenants/" + invoice.tenantId(), invoice.tenantName());
        link.setId("invoice-tenant-" + invoice.id());
        return link;
    }

    private static Span status(Invoice invoice) {
        Span status = new Span(Amounts.status(invoice.status()));
        status.setId("invoice-status-" + invoice.id());
        status.getElement().getThemeList().add(Amounts.statusTheme(invoice.status()));
        invoice.voidReason().ifPresent(reason -> status.setTitle("Void: " + reason));
        return status;
    }

    private Component files(Access access, Invoice invoice) {
        Anchor pdf = download("invoice-pdf-" + invoice.id(), "PDF", invoice.number() + ".pdf", "application/pdf",
                () -> access.pdf(invoice.id()));
        Anchor csv = download("invoice-csv-" + invoice.id(), "CSV", invoice.number() + ".csv", "text/csv; charset=utf-8",
                () -> access.csv(invoice.id()).getBytes(StandardCharsets.UTF_8));
        HorizontalLayout links = new HorizontalLayout(pdf, csv);
        links.setSpacing(false);
        links.addClassName("invoice-files");
        return links;
    }

    private Component actions(InvoiceOperations operations, Invoice invoice) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (invoice.status() == InvoiceStatus.DRAFT) {
            actions.add(small("Issue", "issue-" + invoice.id(), () -> operations.issue(invoice)));
        }
        if (invoice.status() == InvoiceStatus.ISSUED) {
            actions.add(small("Mark paid", "mark-paid-" + invoice.id(), () -> operations.markPaid(invoice)));
        }
        if (invoice.status() == InvoiceStatus.DRAFT || invoice.status() == InvoiceStatus.ISSUED) {
            Button voidIt = small("Void", "void-" + invoice.id(), () -> operations.voidInvoice(invoice));
            voidIt.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(voidIt);
        }
        return actions;
    }

    private static Button small(String text, String id, Runnable action) {
        Button button = new Button(text, event -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /**
     * A link that downloads a file made when it is clicked, asked for as the reader is then: a member
     * who lost the permission meanwhile gets a refusal, not the file.
     */
    static Anchor download(String id, String text, String fileName, String contentType, Supplier<byte[]> content) {
        DownloadHandler handler = event -> {
            byte[] bytes;
            try {
                bytes = content.get();
            } catch (DomainException refused) {
                event.getResponse().sendError(refused.code().status(), refused.getMessage());
                return;
            }
            event.setFileName(fileName);
            event.setContentType(contentType);
            event.setContentLength(bytes.length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(bytes);
            }
        };
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        link.removeAll();
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(text));
        link.setId(id);
        link.addClassName("grid-link");
        link.addClassName("invoice-download");
        link.setTitle("Download " + fileName);
        return link;
    }
}
