package io.linnet.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How much of what a plan includes has been used this period; {@code hard}: nothing past it is let through. */
public record QuotaUsage(BillableMetric metric, BigDecimal used, long included, boolean hard) {

    /** Used, in percent of what is included (0 when nothing is included and nothing used). */
    public int percent() {
        if (included <= 0) {
            return used.signum() > 0 ? 100 : 0;
        }
        return used.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(included), 0, RoundingMode.FLOOR).intValue();
    }
}
