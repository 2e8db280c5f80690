package io.linnet.server.logging;

import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.LogContext;
import io.linnet.tenancy.account.ConsoleUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.security.Principal;

/**
 * Once a request's caller is authenticated (right after the security filters), names its tenant and
 * app on every line logged while the request is served: an app key's access token names both, a
 * console account of a tenant (HTTP Basic, a personal access token, a console session) names the
 * tenant; operators and anonymous requests name none. At DEBUG it ends each request with one line:
 * method, route (the pattern, never the path, which may hold a user's id), status and time.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class CallerLogContext extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CallerLogContext.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try (LogContext logged = of(request.getUserPrincipal())) {
            try {
                chain.doFilter(request, response);
            } finally {
                if (log.isDebugEnabled()) {
                    log.debug("{} {} answered {} in {} ms", request.getMethod(), routeOf(request), response.getStatus(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
    }

    /** The request's principal is the security chain's authentication (null when anonymous). */
    static LogContext of(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return LogContext.empty();
        }
        return switch (authentication.getPrincipal()) {
            case AppCaller caller -> LogContext.of(caller.tenantId(), caller.appId());
            case ConsoleUser account -> account.tenantId().map(LogContext::of).orElseGet(LogContext::empty);
            case null, default -> LogContext.empty();
        };
    }

    private static String routeOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : "-";
    }
}
