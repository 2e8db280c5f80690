/**
 * The two ways into PostgreSQL: {@link io.linnet.tenancy.database.TenantDatabase}, bound to one tenant
 * and fenced by row-level security, and {@link io.linnet.tenancy.database.PlatformDatabase}, the
 * explicit path for work that spans tenants.
 *
 * <p>Part of the kernel's API: a named interface every module may use.
 */
@NamedInterface("database")
package io.linnet.tenancy.database;

import org.springframework.modulith.NamedInterface;
