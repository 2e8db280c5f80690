package io.linnet.server.security;

import io.linnet.tenancy.account.ConsoleAccountDirectory;
import io.linnet.tenancy.account.ConsoleUser;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Console sign-in by password (the form and HTTP Basic) that says "your organisation is suspended"
 * to the owner of a suspended tenant, and only once the password was right: a wrong password gets
 * the same answer as a wrong address, so nobody learns which tenants are suspended, or which
 * addresses belong to one, without the password. An account that cannot sign in for another reason
 * (an invitation not yet accepted) is refused before its (absent) password is compared, as before.
 */
final class PasswordFirstSignIn {

    /** The query parameter the sign-in page reads to show the suspension. */
    static final String SUSPENDED = "suspended";

    private PasswordFirstSignIn() {
    }

    /** A sign-in with the right password to an account whose tenant is suspended. */
    static final class TenantSuspended extends DisabledException {

        TenantSuspended() {
            super("The account's organisation is suspended");
        }
    }

    static DaoAuthenticationProvider provider(ConsoleAccountDirectory accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isEnabled() && !suspendedTenant(user)) {
                throw new DisabledException("The account is not active");
            }
        });
        UserDetailsChecker afterPassword = user -> {
            if (suspendedTenant(user)) {
                throw new TenantSuspended();
            }
        };
        provider.setPostAuthenticationChecks(afterPassword);
        return provider;
    }

    /** Back to the sign-in page, which says why: the generic message, or the suspension. */
    static AuthenticationFailureHandler failureHandler() {
        return (request, response, refused) -> response.sendRedirect(request.getContextPath() + "/login?error"
                + (refused instanceof TenantSuspended ? "&" + SUSPENDED : ""));
    }

    private static boolean suspendedTenant(UserDetails user) {
        return user instanceof ConsoleUser console && console.tenantSuspended();
    }
}
