package io.linnet.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a tenant used in (part of) a period, in the units plans include and price. */
public record BillableUsage(long activeUsers, long messages, long pushes, long storedBytes) {

    public static final BillableUsage NONE = new BillableUsage(0, 0, 0, 0);

    private static final BigDecimal BYTES_PER_GB = BigDecimal.TEN.pow(9);

    public BigDecimal of(BillableMetric metric) {
        return switch (metric) {
            case ACTIVE_USERS -> BigDecimal.valueOf(activeUsers);
            case MESSAGES -> BigDecimal.valueOf(messages);
            case PUSHES -> BigDecimal.valueOf(pushes);
            case STORAGE_GB -> BigDecimal.valueOf(storedBytes).divide(BYTES_PER_GB, 9, RoundingMode.UNNECESSARY);
        };
    }
}
