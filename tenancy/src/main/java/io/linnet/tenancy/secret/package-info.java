/** Encryption of the secrets Linnet stores, under a rotatable master key. */
package io.linnet.tenancy.secret;
