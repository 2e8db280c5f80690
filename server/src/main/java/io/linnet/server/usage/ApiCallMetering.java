package io.linnet.server.usage;

import io.linnet.analytics.ApiUsage;
import io.linnet.tenancy.AppCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Tells analytics of every developer API call made with an app key, once it is answered, with its
 * status: calls per app and key, and their 4xx and 5xx. A call whose credentials were refused has no
 * app to count against, and is not counted.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class ApiCallMetering extends OncePerRequestFilter {

    private final ApiUsage usage;

    ApiCallMetering(ApiUsage usage) {
        this.usage = usage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (request.getUserPrincipal() instanceof Authentication authentication
                    && authentication.getPrincipal() instanceof AppCaller caller) {
                usage.answered(caller, status);
            }
        }
    }
}
