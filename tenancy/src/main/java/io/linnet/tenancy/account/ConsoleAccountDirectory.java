package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds console accounts across tenants, for sign-in (by e-mail) and for re-checking a signed-in
 * session on every request (by id): an account that was removed, demoted or whose tenant was
 * suspended loses its access at once. Runs on the platform path, since the tenant is not yet known.
 */
@Service
public class ConsoleAccountDirectory implements UserDetailsService {

    private final PlatformDatabase platform;

    public ConsoleAccountDirectory(PlatformDatabase platform) {
        this.platform = platform;
    }

    /**
     * The account for a password sign-in; one with two-factor sign-in comes back
     * {@linkplain ConsoleUser#secondFactorPending() owing its code}.
     */
    @Override
    public ConsoleUser loadUserByUsername(String email) {
        // several tenants may have invited the address, but at most one account with it is active
        return find(true, "lower(a.email) = ? order by (a.status = 'ACTIVE') desc, a.created_at limit 1",
                email == null ? "" : email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    /** The account as it is now; empty when it no longer exists. */
    public Optional<ConsoleUser> findCurrent(AccountId id) {
        return find(false, "a.id = ?", id.value());
    }

    public void recordSignIn(AccountId id) {
        platform.jdbc().sql("update accounts set last_login_at = now() where id = ?").param(id.value()).update();
    }

    private Optional<ConsoleUser> find(boolean signingIn, String condition, Object value) {
        return platform.jdbc().sql("""
                        select a.id, a.tenant_id, a.email, a.password_hash, a.role, a.status, t.status as tenant_status,
                               a.session_epoch, a.totp_enabled_at is not null as two_factor
                          from accounts a left join tenants t on t.id = a.tenant_id
                         where\s""" + condition)
                .param(value)
                .query((rs, row) -> {
                    UUID tenant = rs.getObject("tenant_id", UUID.class);
                    boolean accountActive = "ACTIVE".equals(rs.getString("status"));
                    boolean tenantActive = tenant == null || "ACTIVE".equals(rs.getString("tenant_status"));
                    return new ConsoleUser(rs.getObject("id", UUID.class), tenant, rs.getString("email"),
                            rs.getString("password_hash"), Role.valueOf(rs.getString("role")), accountActive && tenantActive,
                            accountActive && !tenantActive, rs.getInt("session_epoch"), signingIn && rs.getBoolean("two_factor"));
                })
                .optional();
    }
}
