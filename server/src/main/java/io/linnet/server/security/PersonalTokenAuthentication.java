package io.linnet.server.security;

import io.linnet.tenancy.account.ConsoleUser;
import io.linnet.tenancy.account.PersonalAccessTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Signs a request to {@code /manage/v1} or {@code /ops/v1} in with a personal access token
 * ({@code Authorization: Bearer lpat_...}), as the account that owns it, with that account's role
 * as it is now. An unknown, revoked or expired token is a 401.
 */
final class PersonalTokenAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final PersonalAccessTokens tokens;
    private final SecurityContextHolderStrategy contexts;
    private final AuthenticationEntryPoint unauthorized;

    PersonalTokenAuthentication(PersonalAccessTokens tokens, SecurityContextHolderStrategy contexts,
                                AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.contexts = contexts;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (user.isEmpty()) {
            contexts.clearContext();
            unauthorized.commence(request, response,
                    new BadCredentialsException("The access token is unknown, revoked or expired"));
            return;
        }
        ConsoleUser account = user.get();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
