/**
 * The tenancy kernel every module stands on: tenants, apps, app keys, console accounts and their
 * roles, the tenant context with PostgreSQL row-level security, encryption of stored secrets, the
 * outbound-address guard and the audit log. Its API is the root package (ids, {@link io.linnet.tenancy.AppRef},
 * callers, errors) and the sub-packages it names as interfaces ({@code account}, {@code app},
 * {@code appkey}, {@code audit}, {@code database}, {@code outbound}, {@code secret}, {@code tenant});
 * a new sub-package is internal until it is named.
 */
package io.linnet.tenancy;
