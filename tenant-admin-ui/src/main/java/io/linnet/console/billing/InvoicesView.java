package io.linnet.console.billing;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.billing.InvoiceStatus;
import io.linnet.billing.Invoices;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import jakarta.annotation.security.RolesAllowed;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Every tenant's invoices, newest first, optionally of one status: issue, mark paid or void each, and
 * download each one or all of the list as one CSV for accounting.
 */
@Route("invoices")
@PageTitle("Invoices · Linnet")
@Menu(title = "Invoices", order = 4, icon = "vaadin:invoice")
@RolesAllowed("OPERATOR")
public class InvoicesView extends VerticalLayout {

    private final SignedInAccount signedIn;
    private final Invoices invoices;
    private final Select<Optional<InvoiceStatus>> status = new Select<>();
    private final InvoiceGrid list;

    public InvoicesView(SignedInAccount signedIn, Invoices invoices) {
        this.signedIn = signedIn;
        this.invoices = invoices;
        addClassName("console-view");

        status.setId("invoice-status-filter");
        status.setLabel("Status");
        status.setItems(Optional.empty(), Optional.of(InvoiceStatus.DRAFT), Optional.of(InvoiceStatus.ISSUED),
                Optional.of(InvoiceStatus.PAID), Optional.of(InvoiceStatus.VOID));
        status.setItemLabelGenerator(choice -> choice.map(Amounts::status).orElse("All"));
        status.setValue(Optional.empty());
        status.addValueChangeListener(event -> reload());

        Anchor all = InvoiceGrid.download("invoices-csv", "CSV of the list", "invoices.csv", "text/csv; charset=utf-8",
                () -> invoices.csvOfAll(signedIn.operator(), Optional.empty(), status.getValue())
                        .getBytes(StandardCharsets.UTF_8));
        all.setTitle("One row per invoice in the list, for accounting");
        all.removeClassName("grid-link");
        all.addClassName("chart-download");
        HorizontalLayout filters = new HorizontalLayout(status, all);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        list = new InvoiceGrid("all-invoices", InvoiceGrid.operator(signedIn, invoices), true,
                new InvoiceOperations(signedIn, invoices, this::reload),
                new EmptyState("No invoices", "Each tenant's invoice is made as a draft once a month has ended."));
        add(new ViewHeader("Invoices", "Every tenant's invoices, newest first (at most 1,000). A draft is seen by its tenant "
                + "once it is issued."), filters, list);
        reload();
    }

    private void reload() {
        Feedback.attempt(() -> invoices.list(signedIn.operator(), Optional.empty(), status.getValue())).ifPresent(found -> {
            list.show(found);
            status.setHelperText(found.size() + (found.size() == 1 ? " invoice" : " invoices")
                    + status.getValue().map(one -> ", " + one.wireName().toLowerCase(Locale.ROOT)).orElse(""));
        });
    }
}
