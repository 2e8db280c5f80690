package io.linnet.server.security;

import io.linnet.console.twofactor.SecondFactorView;
import io.linnet.tenancy.account.ConsoleAccountDirectory;
import io.linnet.tenancy.account.ConsoleUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Re-checks a signed-in console session against the account as it is now, on every request: a
 * removed member, one whose tenant was suspended, or one whose password was reset since the session
 * began, is signed out at once, and a changed role applies from the next click rather than the next
 * sign-in. A session that still owes its second factor is sent to the code page from any other page.
 */
final class ConsoleSessionGuard extends OncePerRequestFilter {

    /** The console's page that asks for the second factor (the console's {@code SecondFactorView}). */
    static final String SECOND_FACTOR_PATH = "/" + SecondFactorView.ROUTE;

    private final ConsoleAccountDirectory accounts;
    private final SecurityContextHolderStrategy contexts;

    ConsoleSessionGuard(ConsoleAccountDirectory accounts, SecurityContextHolderStrategy contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser signedIn) {
            var current = accounts.findCurrent(signedIn.accountId()).filter(ConsoleUser::isEnabled)
                    .filter(now -> now.sessionEpoch() == signedIn.sessionEpoch());
            if (current.isEmpty()) {
                contexts.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (signedIn.secondFactorPending()) {
                if (leavesSecondFactorStep(request)) {
                    response.sendRedirect(request.getContextPath() + SECOND_FACTOR_PATH);
                    return;
                }
            } else if (current.get().role() != signedIn.role()) {
                ConsoleUser user = current.get();
                user.eraseCredentials();
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                contexts.setContext(context);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether a half-signed-in session asks for a page other than the code page (or sign-in and out).
     * Vaadin's own requests and static files pass: the views refuse a pending account themselves.
     */
    private static boolean leavesSecondFactorStep(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return "GET".equals(request.getMethod()) && request.getParameter("v-r") == null
                && !path.startsWith("/VAADIN/") && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                && !path.equals(SECOND_FACTOR_PATH) && !path.equals("/login") && !path.equals("/logout");
    }
}
