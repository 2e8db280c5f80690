package io.linnet.billing;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * Invoices: one per tenant per closed period, written exactly once by the period close (whichever node
 * gets there first), then issued, paid or voided by an operator (each audited). Tenant members with
 * the {@code BILLING} permission see their own tenant's (issued, paid and void; drafts are the
 * operator's), as JSON, PDF or CSV.
 */
public interface Invoices {

    List<Invoice> list(Actor.Member member);

    Invoice get(Actor.Member member, InvoiceId id);

    byte[] pdf(Actor.Member member, InvoiceId id);

    String csv(Actor.Member member, InvoiceId id);

    /** Operators: every tenant's invoices, or one tenant's, newest first, optionally of one status. */
    List<Invoice> list(Actor.Operator operator, Optional<TenantId> tenant, Optional<InvoiceStatus> status);

    Invoice get(Actor.Operator operator, InvoiceId id);

    byte[] pdf(Actor.Operator operator, InvoiceId id);

    String csv(Actor.Operator operator, InvoiceId id);

    /** One CSV row per invoice (for accounting): the same selection as {@link #list(Actor.Operator, Optional, Optional)}. */
    String csvOfAll(Actor.Operator operator, Optional<TenantId> tenant, Optional<InvoiceStatus> status);

    Invoice issue(Actor.Operator operator, InvoiceId id);

    Invoice markPaid(Actor.Operator operator, InvoiceId id);

    Invoice voidInvoice(Actor.Operator operator, InvoiceId id, String reason);

    /** Closes every period that has ended into its invoice (once, whoever else tries too); answers how many this call wrote. */
    int closeEndedPeriods();
}
