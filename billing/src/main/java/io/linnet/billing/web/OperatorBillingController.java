package io.linnet.billing.web;

import io.linnet.billing.Billing;
import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceId;
import io.linnet.billing.InvoiceStatus;
import io.linnet.billing.Invoices;
import io.linnet.billing.PlanId;
import io.linnet.billing.Plans;
import io.linnet.billing.SubscriptionStatus;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Billing for operators: plans ({@code /ops/v1/plans}), each tenant's subscription
 * ({@code /ops/v1/tenants/{id}/subscription}), and invoices ({@code /ops/v1/invoices}: issue, mark paid,
 * void with a reason; PDF and CSV, and a CSV of them all for accounting).
 */
@RestController
class OperatorBillingController {

    private static final String CSV = "text/csv";

    private final Plans plans;
    private final Billing billing;
    private final Invoices invoices;

    OperatorBillingController(Plans plans, Billing billing, Invoices invoices) {
        this.plans = plans;
        this.billing = billing;
        this.invoices = invoices;
    }

    record PlanWithTenants(Bodies.PlanBody plan, int tenants) {
    }

    @GetMapping("/ops/v1/plans")
    Bodies.Items<PlanWithTenants> plans(Actor.Operator operator) {
        Map<PlanId, Integer> subscribers = plans.subscribers(operator);
        return new Bodies.Items<>(plans.list(operator).stream()
                .map(plan -> new PlanWithTenants(Bodies.PlanBody.of(plan), subscribers.getOrDefault(plan.id(), 0)))
                .toList());
    }

    @PostMapping("/ops/v1/plans")
    ResponseEntity<Bodies.PlanBody> create(Actor.Operator operator, @RequestBody(required = false) Bodies.PlanRequest request) {
        var plan = plans.create(operator, required(request).draft());
        return ResponseEntity.created(URI.create("/ops/v1/plans/" + plan.id())).body(Bodies.PlanBody.of(plan));
    }

    @GetMapping("/ops/v1/plans/{planId}")
    Bodies.PlanBody plan(Actor.Operator operator, @PathVariable String planId) {
        return Bodies.PlanBody.of(plans.get(operator, PlanId.of(planId)));
    }

    @PutMapping("/ops/v1/plans/{planId}")
    Bodies.PlanBody update(Actor.Operator operator, @PathVariable String planId, @RequestBody(required = false) Bodies.PlanRequest request) {
        return Bodies.PlanBody.of(plans.update(operator, PlanId.of(planId), required(request).draft()));
    }

    /** Retires a plan: no new subscriptions; the tenants on it stay. */
    @PostMapping("/ops/v1/plans/{planId}/retire")
    Bodies.PlanBody retire(Actor.Operator operator, @PathVariable String planId) {
        return Bodies.PlanBody.of(plans.retire(operator, PlanId.of(planId)));
    }

    @DeleteMapping("/ops/v1/plans/{planId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor.Operator operator, @PathVariable String planId) {
        plans.delete(operator, PlanId.of(planId));
    }

    @GetMapping("/ops/v1/tenants/{tenantId}/subscription")
    Bodies.OverviewBody subscription(Actor.Operator operator, @PathVariable String tenantId) {
        return Bodies.OverviewBody.of(billing.overview(operator, TenantId.of(tenantId)));
    }

    /**
     * What an operator changes of a subscription; absent fields stay as they are, and
     * {@code "taxRatePercent": null} (present, null) removes the tax rate.
     */
    @PatchMapping("/ops/v1/tenants/{tenantId}/subscription")
    Bodies.SubscriptionBody change(Actor.Operator operator, @PathVariable String tenantId,
                                   @RequestBody(required = false) Map<String, Object> body) {
        if (body == null) {
            throw DomainException.invalid("A body is required: planId, status and/or taxRatePercent");
        }
        for (String field : body.keySet()) {
            if (!field.equals("planId") && !field.equals("status") && !field.equals("taxRatePercent")) {
                throw DomainException.invalid(field + ": unknown; the fields are planId, status and taxRatePercent");
            }
        }
        Optional<PlanId> plan = Optional.ofNullable(body.get("planId")).map(value -> PlanId.of(text("planId", value)));
        Optional<SubscriptionStatus> status = Optional.ofNullable(body.get("status")).map(value -> SubscriptionStatus.of(text("status", value)));
        boolean clearTax = body.containsKey("taxRatePercent") && body.get("taxRatePercent") == null;
        Optional<BigDecimal> tax = Optional.ofNullable(body.get("taxRatePercent")).map(OperatorBillingController::decimal);
        var changed = billing.change(operator, TenantId.of(tenantId), new Billing.SubscriptionChange(plan, status, tax, clearTax));
        return Bodies.SubscriptionBody.of(changed);
    }

    @GetMapping(path = "/ops/v1/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
    Bodies.Items<Bodies.InvoiceBody> invoices(Actor.Operator operator, @RequestParam(required = false) String tenant,
                                              @RequestParam(required = false) String status) {
        return new Bodies.Items<>(invoices.list(operator, tenant(tenant), status(status)).stream().map(Bodies.InvoiceBody::of).toList());
    }

    /** Every invoice of the selection as one CSV row, for accounting. */
    @GetMapping(path = "/ops/v1/invoices", produces = CSV)
    ResponseEntity<byte[]> invoicesCsv(Actor.Operator operator, @RequestParam(required = false) String tenant,
                                       @RequestParam(required = false) String status) {
        return Downloads.csv("invoices", invoices.csvOfAll(operator, tenant(tenant), status(status)));
    }

    @GetMapping("/ops/v1/invoices.csv")
    ResponseEntity<byte[]> invoicesCsvFile(Actor.Operator operator, @RequestParam(required = false) String tenant,
                                           @RequestParam(required = false) String status) {
        return invoicesCsv(operator, tenant, status);
    }

    @GetMapping("/ops/v1/invoices/{invoiceId}")
    Bodies.InvoiceBody invoice(Actor.Operator operator, @PathVariable String invoiceId) {
        return Bodies.InvoiceBody.of(invoices.get(operator, InvoiceId.of(invoiceId)));
    }

    @GetMapping("/ops/v1/invoices/{invoiceId}.pdf")
    ResponseEntity<byte[]> pdf(Actor.Operator operator, @PathVariable String invoiceId) {
        Invoice invoice = invoices.get(operator, InvoiceId.of(invoiceId));
        return Downloads.pdf(invoice, invoices.pdf(operator, invoice.id()));
    }

    @GetMapping("/ops/v1/invoices/{invoiceId}.csv")
    ResponseEntity<byte[]> csv(Actor.Operator operator, @PathVariable String invoiceId) {
        Invoice invoice = invoices.get(operator, InvoiceId.of(invoiceId));
        return Downloads.csv(invoice.number(), invoices.csv(operator, invoice.id()));
    }

    @PostMapping("/ops/v1/invoices/{invoiceId}/issue")
    Bodies.InvoiceBody issue(Actor.Operator operator, @PathVariable String invoiceId) {
        return Bodies.InvoiceBody.of(invoices.issue(operator, InvoiceId.of(invoiceId)));
    }

    @PostMapping("/ops/v1/invoices/{invoiceId}/pay")
    Bodies.InvoiceBody pay(Actor.Operator operator, @PathVariable String invoiceId) {
        return Bodies.InvoiceBody.of(invoices.markPaid(operator, InvoiceId.of(invoiceId)));
    }

    record VoidRequest(String reason) {
    }

    @PostMapping("/ops/v1/invoices/{invoiceId}/void")
    Bodies.InvoiceBody voidInvoice(Actor.Operator operator, @PathVariable String invoiceId,
                                   @RequestBody(required = false) VoidRequest request) {
        return Bodies.InvoiceBody.of(invoices.voidInvoice(operator, InvoiceId.of(invoiceId), request == null ? null : request.reason()));
    }

    record Closed(int invoices) {
    }

    /** Closes every ended period now (the background does it every few minutes): the invoices it wrote. */
    @PostMapping("/ops/v1/billing/close-periods")
    Closed close(Actor.Operator operator) {
        return new Closed(invoices.closeEndedPeriods());
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw DomainException.invalid("A JSON body is required");
        }
        return body;
    }

    private static Optional<TenantId> tenant(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(TenantId.of(raw));
    }

    private static Optional<InvoiceStatus> status(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InvoiceStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("status must be one of draft, issued, paid, void");
        }
    }

    private static String text(String field, Object value) {
        if (!(value instanceof String text)) {
            throw DomainException.invalid(field + ": text");
        }
        return text;
    }

    private static BigDecimal decimal(Object value) {
        try {
            return switch (value) {
                case Number number -> new BigDecimal(number.toString());
                case String text -> new BigDecimal(text.strip());
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException notANumber) {
            throw DomainException.invalid("taxRatePercent: a number from 0 to 100, or null for none");
        }
    }
}
