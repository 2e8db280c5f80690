package io.linnet.tenancy.tenant;

import java.util.Optional;

/**
 * A tenant as the operator's list shows it, so that tenants can be told apart and judged at a glance:
 * who owns it (the first OWNER), whether that owner has accepted the invitation, and how many apps it has.
 */
public record TenantSummary(Tenant tenant, Optional<String> ownerEmail, boolean ownerJoined, int apps) {
}
