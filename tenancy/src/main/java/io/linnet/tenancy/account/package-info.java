/**
 * Console accounts: sign-in, a tenant's team with roles and invitations, and the bootstrap operator.
 */
package io.linnet.tenancy.account;
