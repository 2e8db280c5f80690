package io.linnet.tenancy.tenant;

import io.linnet.tenancy.TenantId;

import java.time.Instant;

/** A customer organisation. A SUSPENDED tenant's members and app keys are refused until it is resumed. */
public record Tenant(TenantId id, String name, Status status, Instant createdAt, Instant suspendedAt) {

    public enum Status { ACTIVE, SUSPENDED }
}
