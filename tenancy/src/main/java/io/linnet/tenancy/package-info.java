/**
 * The tenancy kernel every module stands on: tenants, apps, app keys, console accounts and their
 * roles, the tenant context with PostgreSQL row-level security, encryption of stored secrets, and the
 * audit log.
 */
package io.linnet.tenancy;
