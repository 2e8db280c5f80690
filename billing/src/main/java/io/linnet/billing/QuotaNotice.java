package io.linnet.billing;

import java.time.Instant;

/** A soft quota crossed this period (80 or 100 percent of what the plan includes), and when it was seen. */
public record QuotaNotice(BillableMetric metric, int percent, Instant at) {
}
