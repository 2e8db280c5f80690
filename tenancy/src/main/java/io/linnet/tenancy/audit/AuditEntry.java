package io.linnet.tenancy.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One admin action: who did what, to which object, when, and from which address. */
public record AuditEntry(
        UUID id,
        Instant at,
        String actor,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> details,
        String sourceAddress) {
}
