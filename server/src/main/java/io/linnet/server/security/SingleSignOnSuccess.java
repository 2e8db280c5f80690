package io.linnet.server.security;

import io.linnet.console.SingleSignOn;
import io.linnet.tenancy.account.ConsoleAccountDirectory;
import io.linnet.tenancy.account.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.io.IOException;
import java.util.Optional;

/**
 * After the provider signed someone in: if it vouches for an e-mail address (verified) that
 * belongs to an active console account, the session becomes that account's, with its role;
 * anyone else is sent back to the sign-in page with a clear refusal. Accounts are never created
 * here: people join a tenant by invitation.
 */
final class SingleSignOnSuccess implements AuthenticationSuccessHandler {

    private final ConsoleAccountDirectory accounts;
    private final SecurityContextHolderStrategy contexts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SingleSignOnSuccess(ConsoleAccountDirectory accounts, SecurityContextHolderStrategy contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        Optional<ConsoleUser> account = authentication.getPrincipal() instanceof OidcUser person
                && person.getEmail() != null && !Boolean.FALSE.equals(person.getEmailVerified())
                ? find(person.getEmail()) : Optional.empty();
        if (account.isEmpty()) {
            contexts.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?" + SingleSignOn.REFUSED);
            return;
        }
        ConsoleUser user = account.get();
        user.eraseCredentials();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
        accounts.recordSignIn(user.accountId());
        response.sendRedirect(request.getContextPath() + "/");
    }

    private Optional<ConsoleUser> find(String email) {
        try {
            return Optional.of(accounts.loadUserByUsername(email)).filter(ConsoleUser::isEnabled);
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
