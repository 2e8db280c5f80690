package io.linnet.billing;

import java.util.List;

/** A tenant's billing at a glance: its subscription, usage against each quota, the period's estimate, and quota notices. */
public record BillingOverview(Subscription subscription, List<QuotaUsage> quotas, Statement estimate,
                              List<QuotaNotice> notices) {
}
