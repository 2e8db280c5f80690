package io.linnet.tenancy.audit;

import io.linnet.tenancy.TenantId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One admin action: who did what, to which object, when, and from which address. {@code tenantId}
 * is the tenant it concerns; null for platform-level actions (an operator's own account).
 * {@code targetName} is the target's current name where the platform knows it cheaply (an app, a
 * member, a tenant), else null; {@code sourceAddress} is written as people read it ({@code ::1}, and
 * an IPv4-mapped address as IPv4).
 */
public record AuditEntry(
        UUID id,
        TenantId tenantId,
        Instant at,
        String actor,
        String action,
        String targetType,
        String targetId,
        String targetName,
        Map<String, Object> details,
        String sourceAddress) {
}
