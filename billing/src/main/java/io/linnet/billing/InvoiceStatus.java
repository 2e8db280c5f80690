package io.linnet.billing;

import java.util.Locale;

/** draft -> issued -> paid, or void (from draft or issued). */
public enum InvoiceStatus {
    DRAFT, ISSUED, PAID, VOID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
