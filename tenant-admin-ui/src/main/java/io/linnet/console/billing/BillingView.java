package io.linnet.console.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.billing.Billing;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.Invoices;
import io.linnet.billing.Plans;
import io.linnet.billing.Subscription;
import io.linnet.billing.SubscriptionStatus;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.StatCard;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import jakarta.annotation.security.RolesAllowed;

/**
 * The tenant's billing, for members whose role has {@code Permission.BILLING} (the roles named in
 * {@link RolesAllowed}): the plan and subscription, this month's usage against each quota, the month's
 * estimate so far, the invoices with their PDF and CSV, and a change of plan.
 */
@Route("billing")
@PageTitle("Billing · Linnet")
@Menu(title = "Billing", order = 25, icon = "vaadin:credit-card")
@RolesAllowed("OWNER")
public class BillingView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInAccount signedIn;
    private final Billing billing;
    private final Plans plans;
    private final Invoices invoices;
    private Subscription current;

    public BillingView(SignedInAccount signedIn, Billing billing, Plans plans, Invoices invoices) {
        this.signedIn = signedIn;
        this.billing = billing;
        this.plans = plans;
        this.invoices = invoices;
        addClassName("console-view");
        addClassName("billing-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        removeAll();
        Button change = new Button("Change plan", VaadinIcon.EXCHANGE.create(), event -> openChangePlan());
        change.setId("change-plan");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Billing", "Your plan, this month's usage and what it comes to so far, and your invoices. "
                + "A billing period is a calendar month in UTC.", change));
        BillingOverview overview = billing.overview(signedIn.member());
        current = overview.subscription();
        if (QuotaBanner.applies(overview)) {
            add(new QuotaBanner(overview, false));
        }
        add(subscription(overview.subscription()));

        Div estimate = new Div();
        estimate.setId("billing-estimate");
        estimate.addClassName("quota-card");
        Paragraph about = new Paragraph("What this month comes to so far: the base price "
                + "for the whole month, and usage past what the plan includes until now. The invoice is made once the "
                + "month has ended.");
        about.addClassName("quota-about");
        estimate.add(new H3("Estimate for " + Amounts.period(overview.estimate().period())), about,
                new StatementTable("estimate-lines", overview.estimate()));
        Div columns = new Div(new QuotaBars("quotas", overview), estimate);
        columns.addClassName("billing-columns");
        add(columns);

        H3 invoicesHeading = new H3("Invoices");
        invoicesHeading.addClassName("billing-section");
        InvoiceGrid list = new InvoiceGrid("invoices", InvoiceGrid.member(signedIn, invoices), false, null,
                new EmptyState("No invoices yet", "An invoice is made after each month ends, from the plan and the usage "
                        + "of that month; it shows here once it is issued."));
        add(invoicesHeading, list);
        list.show(invoices.list(signedIn.member()));
    }

    private Div subscription(Subscription subscription) {
        Div cards = new Div(
                new StatCard("billing-plan", "Plan", subscription.plan().name(), subscription.plan().hardQuota()
                        ? "Hard quota: nothing past what it includes" : "Usage past what it includes is billed"),
                new StatCard("billing-price", "Monthly price", Amounts.money(subscription.plan().monthlyPrice()),
                        subscription.taxRatePercent().map(rate -> "Plus " + Amounts.taxRate(subscription.taxRatePercent()) + " tax")
                                .orElse("No tax") + "; prorated by days when the plan changes"),
                new StatCard("billing-status", "Status", Amounts.status(subscription.status()), Amounts.statusDetail(subscription.status()))
                        .warning(subscription.status() == SubscriptionStatus.PAST_DUE),
                new StatCard("billing-period", "Current period", Amounts.period(subscription.period()),
                        "Invoiced after it ends (UTC)"));
        cards.setId("billing-subscription");
        cards.addClassName("stat-grid");
        return cards;
    }

    private void openChangePlan() {
        Feedback.attempt(() -> plans.offered(signedIn.member()))
                .ifPresent(offered -> new ChangePlanDialog(current, offered,
                        planId -> billing.changePlan(signedIn.member(), planId),
                        after -> {
                            Feedback.success("You are now on " + after.plan().name());
                            show();
                        }).open());
    }
}
