/** Encryption of the secrets Linnet stores, under a rotatable master key. Part of the kernel's API: a named interface every module may use. */
@NamedInterface("secret")
package io.linnet.tenancy.secret;

import org.springframework.modulith.NamedInterface;
