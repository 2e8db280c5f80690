/** The audit log: who did what to a tenant's configuration, kept per tenant and shown in the console. Part of the kernel's API: a named interface every module may use. */
@NamedInterface("audit")
package io.linnet.tenancy.audit;

import org.springframework.modulith.NamedInterface;
