package io.linnet.billing.invoice;

import io.linnet.billing.Invoice;

import java.util.List;

/** Placeholder until the CSV lands (being written on its own branch). */
public final class InvoiceCsv {

    private InvoiceCsv() {
    }

    public static String of(Invoice invoice) {
        throw new UnsupportedOperationException("to be written");
    }

    public static String ofAll(List<Invoice> invoices) {
        throw new UnsupportedOperationException("to be written");
    }
}
