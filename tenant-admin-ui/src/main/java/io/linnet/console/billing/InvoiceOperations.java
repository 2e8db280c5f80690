package io.linnet.console.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import io.linnet.billing.Invoice;
import io.linnet.billing.Invoices;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.FieldErrors;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.DomainException;

/**
 * What an operator does with an invoice, each asked in a dialog that shows a refusal in place: issue a
 * draft (the tenant sees it from then on), mark an issued one paid, or void a draft or issued one for
 * a reason the audit log keeps.
 */
class InvoiceOperations {

    /** The longest reason the services take. */
    static final int MAX_REASON = 500;

    private final SignedInAccount signedIn;
    private final Invoices invoices;
    private final Runnable changed;

    /** @param changed reloads what shows the invoices, after a change */
    InvoiceOperations(SignedInAccount signedIn, Invoices invoices, Runnable changed) {
        this.signedIn = signedIn;
        this.invoices = invoices;
        this.changed = changed;
    }

    void issue(Invoice invoice) {
        new ActionDialog("issue-invoice", "Issue " + invoice.number() + "?",
                "The invoice of " + invoice.tenantName() + " for " + Amounts.period(invoice.statement().period()) + ", "
                        + Amounts.money(invoice.statement().total()) + ", is fixed from now on, and its members with "
                        + "access to billing see it and can download it.",
                "Issue", false, () -> invoices.issue(signedIn.operator(), invoice.id()),
                () -> done(invoice.number() + " is issued")).open();
    }

    void markPaid(Invoice invoice) {
        new ActionDialog("mark-paid", "Mark " + invoice.number() + " paid?",
                Amounts.money(invoice.statement().total()) + " from " + invoice.tenantName() + " was received.",
                "Mark paid", false, () -> invoices.markPaid(signedIn.operator(), invoice.id()),
                () -> done(invoice.number() + " is paid")).open();
    }

    void voidInvoice(Invoice invoice) {
        Dialog dialog = new Dialog();
        dialog.setId("void-invoice-dialog");
        dialog.setHeaderTitle("Void " + invoice.number() + "?");
        dialog.setWidth("34rem");
        TextArea reason = new TextArea("Reason");
        reason.setId("void-invoice-reason");
        reason.setWidthFull();
        reason.setMinRows(2);
        reason.setMaxLength(MAX_REASON);
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("Shown with the invoice and kept in the audit log");
        FieldErrors errors = new FieldErrors("void-invoice-error").on("reason", reason);
        FormLayout form = new FormLayout(reason, errors.general());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(new Paragraph("A void invoice is not owed. It stays in the list, marked void; "
                + "the period is not billed again."), form);

        Button confirm = new Button("Void invoice", event -> {
            errors.clear();
            if (reason.getValue().isBlank()) {
                // the services refuse it too; said here before asking them, in the same place
                errors.show("reason: say why the invoice is void");
                return;
            }
            try {
                invoices.voidInvoice(signedIn.operator(), invoice.id(), reason.getValue());
                dialog.close();
                done(invoice.number() + " is void");
            } catch (DomainException refused) {
                errors.show(refused.getMessage());
            }
        });
        confirm.setId("void-invoice-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", event -> dialog.close());
        cancel.setId("void-invoice-cancel");
        dialog.getFooter().add(cancel, confirm);
        dialog.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                reason.focus();
            }
        });
        dialog.open();
    }

    private void done(String message) {
        Feedback.success(message);
        changed.run();
    }
}
