package io.linnet.billing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** What a period costs: the lines (tax last, if any), their sum before tax, the tax and the total. */
public record Statement(BillingPeriod period, Currency currency, List<InvoiceLine> lines, Money subtotal,
                        Optional<BigDecimal> taxRatePercent, Money tax, Money total) {

    public Statement {
        lines = List.copyOf(lines);
    }
}
