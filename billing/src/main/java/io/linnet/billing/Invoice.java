package io.linnet.billing;

import io.linnet.tenancy.TenantId;

import java.time.Instant;
import java.util.Optional;

/** A closed period's bill of one tenant; {@code number} is unique on the platform ({@code LN-2026-12-0001}). */
public record Invoice(InvoiceId id, TenantId tenantId, String tenantName, String number, InvoiceStatus status,
                      Statement statement, Instant createdAt, Optional<Instant> issuedAt, Optional<Instant> paidAt,
                      Optional<Instant> voidedAt, Optional<String> voidReason) {
}
