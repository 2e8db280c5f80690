package io.linnet.tenancy;

import java.time.Instant;

/** A tenant was created; published inside the transaction that creates it, so a listener's writes commit or roll back with it. */
public record TenantCreated(TenantId tenantId, String name, Instant at) {
}
