package io.linnet.tenancy.tenant;

import io.linnet.tenancy.account.Invitation;
import io.linnet.tenancy.account.Member;

import java.util.Optional;

/**
 * A new tenant and its owner. When the operator gave no password, the owner is invited and
 * {@code invitation} carries the one-time link token.
 */
public record CreatedTenant(Tenant tenant, Member owner, Optional<Invitation> invitation) {
}
