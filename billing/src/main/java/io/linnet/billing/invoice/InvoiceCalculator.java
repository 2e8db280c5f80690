package io.linnet.billing.invoice;

import io.linnet.billing.BillableUsage;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.Statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The arithmetic of an invoice (to be written). */
public final class InvoiceCalculator {

    private InvoiceCalculator() {
    }

    public static Statement statement(BillingPeriod period, List<PlanSpan> spans, BillableUsage usage,
                                      Optional<BigDecimal> taxRatePercent) {
        throw new UnsupportedOperationException("to be written");
    }
}
