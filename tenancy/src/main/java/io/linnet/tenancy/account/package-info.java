/**
 * Console accounts: sign-in, a tenant's team with roles and invitations, and the bootstrap operator.
 *
 * <p>Part of the kernel's API: a named interface every module may use.
 */
@NamedInterface("account")
package io.linnet.tenancy.account;

import org.springframework.modulith.NamedInterface;
