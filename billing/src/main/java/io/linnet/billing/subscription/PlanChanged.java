package io.linnet.billing.subscription;

import io.linnet.billing.Plan;
import io.linnet.tenancy.TenantId;

/** A tenant moved to another plan (published after the change commits): the limits it had no longer hold. */
public record PlanChanged(TenantId tenantId, Plan plan) {
}
