package io.linnet.billing.invoice;

import io.linnet.billing.Invoice;

/** Placeholder until the PDF lands (being written on its own branch). */
public final class InvoicePdf {

    private InvoicePdf() {
    }

    public static byte[] render(Invoice invoice) {
        throw new UnsupportedOperationException("to be written");
    }
}
