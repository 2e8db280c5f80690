package io.linnet.analytics;

import io.linnet.tenancy.TenantId;

/**
 * What one tenant did over a range, for the operator's platform page and for billing.
 *
 * @param activeUsers distinct end users active in the range, per app, added up over the tenant's apps
 * @param pushes      notifications handed to a provider
 * @param messageBytes bytes of message bodies stored
 */
public record TenantUsage(TenantId tenantId, long messages, long activeUsers, long pushes, long messageBytes) {
}
