package io.linnet.server.usage;

import io.linnet.billing.ApiRequestLimits;
import io.linnet.server.web.Problems;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.LimitExceeded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * The developer API's requests per second per app key, from the tenant's plan: a call past it is
 * answered 429 {@code rate_limited} with {@code Retry-After} before anything is done (and counted by
 * {@link ApiCallMetering}, which runs around this filter).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 3)
class ApiRequestLimiting extends OncePerRequestFilter {

    private final ApiRequestLimits limits;

    ApiRequestLimiting(ApiRequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getUserPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof AppCaller caller) {
            try {
                limits.admit(caller);
            } catch (LimitExceeded refused) {
                Problems.write(response, Problems.limited(refused),
                        Map.of(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds())));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
