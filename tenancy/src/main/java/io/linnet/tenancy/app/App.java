package io.linnet.tenancy.app;

import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;

import java.time.Instant;

/** One product or environment of a tenant (e.g. "chat-prod"): it owns app keys, end users, messages and pushes. */
public record App(AppId id, TenantId tenantId, String name, Instant createdAt) {
}
