package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Role;

import java.time.Instant;

/**
 * A console account as its tenant's team sees it. {@code lastLoginAt} is null until the first
 * sign-in; an {@link Status#INVITED} member has not yet opened the invitation.
 */
public record Member(AccountId id, String email, String displayName, Role role, Status status,
                     Instant createdAt, Instant lastLoginAt) {

    public enum Status { INVITED, ACTIVE }
}
