/**
 * Billing: plans, each tenant's subscription, the quotas and rate limits of its plan (enforced on
 * every node through the cores' ports: {@link io.linnet.messaging.SendAllowance},
 * {@link io.linnet.messaging.ConnectionAllowance}, {@link io.linnet.push.PushAllowance}, and
 * tenancy's {@link io.linnet.tenancy.TenantLimits}), and invoices priced from what analytics
 * measured. The root package is the module's API ({@link io.linnet.billing.Plans},
 * {@link io.linnet.billing.Billing}, {@link io.linnet.billing.Invoices} and their records); the
 * sub-packages are internal: {@code plan}, {@code invoice} (arithmetic, PDF and CSV, the period close),
 * {@code enforcement} (Bucket4j buckets and quota counters on Redis, the soft-quota watch) and
 * {@code web} (the HTTP API).
 */
package io.linnet.billing;
