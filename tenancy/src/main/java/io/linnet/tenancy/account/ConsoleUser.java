package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in console account, as Spring Security holds it. Authorities are the role
 * ({@code ROLE_OWNER}, ...) and its permissions, so views and endpoints can check either.
 * <p>
 * An account with two-factor sign-in is, after its right password, only half signed in: its sole
 * authority is {@value #SECOND_FACTOR_PENDING} until a code is accepted ({@link #withSecondFactorPassed()}),
 * so it can reach nothing that needs a role, and HTTP Basic with its password alone opens no API
 * (scripts use a personal access token). {@code sessionEpoch} is the account's count of password
 * resets when the session began: the session guard ends sessions of an older epoch.
 */
public final class ConsoleUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final UUID tenantId;
    private final String email;
    private final Role role;
    private final boolean enabled;
    private final boolean tenantSuspended;
    private final int sessionEpoch;
    private final boolean secondFactorPending;
    private String passwordHash;

    /** The only authority of an account that still owes its second factor. */
    public static final String SECOND_FACTOR_PENDING = "ROLE_SECOND_FACTOR_PENDING";

    ConsoleUser(UUID accountId, UUID tenantId, String email, String passwordHash, Role role, boolean enabled) {
        this(accountId, tenantId, email, passwordHash, role, enabled, false, 0, false);
    }

    ConsoleUser(UUID accountId, UUID tenantId, String email, String passwordHash, Role role, boolean enabled,
                boolean tenantSuspended, int sessionEpoch, boolean secondFactorPending) {
        this.accountId = accountId;
        this.tenantId = tenantId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = enabled;
        this.tenantSuspended = tenantSuspended;
        this.sessionEpoch = sessionEpoch;
        this.secondFactorPending = secondFactorPending;
    }

    /** Whether the password was right but the second factor is still owed. */
    public boolean secondFactorPending() {
        return secondFactorPending;
    }

    public int sessionEpoch() {
        return sessionEpoch;
    }

    /** The same account, fully signed in once its code was accepted. */
    public ConsoleUser withSecondFactorPassed() {
        return new ConsoleUser(accountId, tenantId, email, null, role, enabled, tenantSuspended, sessionEpoch, false);
    }

    public AccountId accountId() {
        return new AccountId(accountId);
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenantId).map(TenantId::new);
    }

    public Role role() {
        return role;
    }

    public String email() {
        return email;
    }

    /**
     * An active account whose tenant is suspended: it is not {@link #isEnabled() enabled}, and sign-in
     * says why, but only to whoever gave the right password.
     */
    public boolean tenantSuspended() {
        return tenantSuspended;
    }

    /** The account as the services see it when it acts from {@code sourceAddress}. */
    public Actor toActor(String sourceAddress) {
        if (tenantId == null) {
            return new Actor.Operator(accountId(), email, sourceAddress);
        }
        return new Actor.Member(accountId(), new TenantId(tenantId), email, role, sourceAddress);
    }

    public static List<GrantedAuthority> authoritiesOf(Role role) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authorities;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (secondFactorPending) {
            return List.of(new SimpleGrantedAuthority(SECOND_FACTOR_PENDING));
        }
        return authoritiesOf(role);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsoleUser other && other.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + email + ", " + role + "]";
    }
}
