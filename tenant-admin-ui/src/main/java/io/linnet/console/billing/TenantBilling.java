package io.linnet.console.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.linnet.billing.Billing;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.Invoices;
import io.linnet.billing.Plans;
import io.linnet.billing.Subscription;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.StatCard;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.TenantId;

import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's billing on the operator's page of it: the subscription (plan, status, tax rate, period and
 * the month's estimate so far), which the operator changes, the usage against its quotas, and its
 * invoices, which the operator issues, marks paid or voids.
 */
public class TenantBilling extends Composite<VerticalLayout> {

    private final SignedInAccount signedIn;
    private final Billing billing;
    private final Plans plans;
    private final Invoices invoices;
    private final TenantId tenant;
    private final String tenantName;
    private final Div subscription = new Div();
    private final InvoiceGrid list;

    public TenantBilling(SignedInAccount signedIn, Billing billing, Plans plans, Invoices invoices, TenantId tenant,
                         String tenantName) {
        this.signedIn = signedIn;
        this.billing = billing;
        this.plans = plans;
        this.invoices = invoices;
        this.tenant = tenant;
        this.tenantName = tenantName;
        subscription.setId("tenant-billing");
        subscription.setWidthFull();
        list = new InvoiceGrid("tenant-invoices", InvoiceGrid.operator(signedIn, invoices), false,
                new InvoiceOperations(signedIn, invoices, this::showInvoices),
                new EmptyState("No invoices yet", "An invoice is made as a draft after each month ends; issue it here "
                        + "for the tenant to see it."));
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setWidthFull();
        layout.add(subscription, heading("Invoices", "tenant-invoices-heading"), list);
        showSubscription();
        showInvoices();
    }

    private void showSubscription() {
        subscription.removeAll();
        Feedback.attempt(() -> billing.overview(signedIn.operator(), tenant)).ifPresent(overview -> {
            Button change = new Button("Change subscription", VaadinIcon.EDIT.create(), event -> openChange(overview.subscription()));
            change.setId("change-subscription");
            HorizontalLayout header = new HorizontalLayout(heading("Subscription", "tenant-subscription-heading"), change);
            header.setWidthFull();
            header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
            subscription.add(header, cards(overview), new QuotaBars("tenant-quotas", overview));
        });
    }

    private void showInvoices() {
        Feedback.attempt(() -> invoices.list(signedIn.operator(), Optional.of(tenant), Optional.empty())).ifPresent(list::show);
    }

    private static Div cards(BillingOverview overview) {
        Subscription current = overview.subscription();
        Div cards = new Div(
                new StatCard("tenant-subscription-plan", "Plan", current.plan().name(), PlanWords.price(current.plan())),
                new StatCard("tenant-subscription-status", "Status", Amounts.status(current.status()), Amounts.statusDetail(current.status())),
                new StatCard("tenant-subscription-tax", "Tax rate", Amounts.taxRate(current.taxRatePercent()), "Added to its invoices"),
                new StatCard("tenant-subscription-estimate", "Estimate so far", Amounts.money(overview.estimate().total()),
                        Amounts.period(overview.estimate().period())));
        cards.addClassName("stat-grid");
        return cards;
    }

    private void openChange(Subscription current) {
        Feedback.attempt(() -> plans.list(signedIn.operator())).ifPresent(all -> new SubscriptionDialog(tenantName, current, all,
                change -> billing.change(signedIn.operator(), tenant, change),
                after -> {
                    Feedback.success(tenantName + " is on " + after.plan().name() + ", " + Amounts.status(after.status()).toLowerCase(Locale.ROOT));
                    showSubscription();
                }).open());
    }

    private static H3 heading(String text, String id) {
        H3 heading = new H3(text);
        heading.setId(id);
        heading.addClassName("billing-section");
        return heading;
    }
}
