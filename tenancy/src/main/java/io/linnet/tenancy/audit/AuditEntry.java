package io.linnet.tenancy.audit;

import io.linnet.tenancy.TenantId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One admin action: who did what, to which object, when, and from which address. {@code tenantId}
 * is the tenant it concerns; null for platform-level actions (an operator's own account).
 */
public record AuditEntry(
        UUID id,
        TenantId tenantId,
        Instant at,
        String actor,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> details,
        String sourceAddress) {
}
