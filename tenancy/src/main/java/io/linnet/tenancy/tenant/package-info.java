/** Tenants: the customer organisations that own apps, and their lifecycle (active, suspended). Part of the kernel's API: a named interface every module may use. */
@NamedInterface("tenant")
package io.linnet.tenancy.tenant;

import org.springframework.modulith.NamedInterface;
