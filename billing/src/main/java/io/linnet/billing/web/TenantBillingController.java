package io.linnet.billing.web;

import io.linnet.billing.Billing;
import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceId;
import io.linnet.billing.Invoices;
import io.linnet.billing.PlanId;
import io.linnet.billing.Plans;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's billing, for its members with the {@code BILLING} permission: {@code GET /manage/v1/billing}
 * (subscription, usage against each quota, the period's estimate, quota notices), the plans on offer and
 * a plan change, and the tenant's invoices as JSON, PDF or CSV.
 */
@RestController
class TenantBillingController {

    private final Billing billing;
    private final Plans plans;
    private final Invoices invoices;

    TenantBillingController(Billing billing, Plans plans, Invoices invoices) {
        this.billing = billing;
        this.plans = plans;
        this.invoices = invoices;
    }

    record PlanChange(String planId) {
        PlanId plan() {
            if (planId == null || planId.isBlank()) {
                throw DomainException.invalid("planId: the plan to change to");
            }
            return PlanId.of(planId.strip());
        }
    }

    @GetMapping("/manage/v1/billing")
    Bodies.OverviewBody overview(Actor.Member member) {
        return Bodies.OverviewBody.of(billing.overview(member));
    }

    @GetMapping("/manage/v1/billing/plans")
    Bodies.Items<Bodies.PlanBody> offered(Actor.Member member) {
        member.require(Permission.BILLING);
        return new Bodies.Items<>(plans.offered(member).stream().map(Bodies.PlanBody::of).toList());
    }

    /** Changes the plan from now on; the base price of the period is prorated by days. */
    @PutMapping("/manage/v1/billing/plan")
    Bodies.SubscriptionBody changePlan(Actor.Member member, @RequestBody(required = false) PlanChange change) {
        member.require(Permission.BILLING);
        if (change == null) {
            throw DomainException.invalid("A body with planId is required");
        }
        return Bodies.SubscriptionBody.of(billing.changePlan(member, change.plan()));
    }

    @GetMapping("/manage/v1/invoices")
    Bodies.Items<Bodies.InvoiceBody> invoices(Actor.Member member) {
        return new Bodies.Items<>(invoices.list(member).stream().map(Bodies.InvoiceBody::of).toList());
    }

    @GetMapping("/manage/v1/invoices/{invoiceId}")
    Bodies.InvoiceBody invoice(Actor.Member member, @PathVariable String invoiceId) {
        member.require(Permission.BILLING);
        return Bodies.InvoiceBody.of(invoices.get(member, InvoiceId.of(invoiceId)));
    }

    @GetMapping("/manage/v1/invoices/{invoiceId}.pdf")
    ResponseEntity<byte[]> pdf(Actor.Member member, @PathVariable String invoiceId) {
        member.require(Permission.BILLING);
        Invoice invoice = invoices.get(member, InvoiceId.of(invoiceId));
        return Downloads.pdf(invoice, invoices.pdf(member, invoice.id()));
    }

    @GetMapping("/manage/v1/invoices/{invoiceId}.csv")
    ResponseEntity<byte[]> csv(Actor.Member member, @PathVariable String invoiceId) {
        member.require(Permission.BILLING);
        Invoice invoice = invoices.get(member, InvoiceId.of(invoiceId));
        return Downloads.csv(invoice.number(), invoices.csv(member, invoice.id()));
    }
}
