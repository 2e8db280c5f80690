package io.linnet.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * The filters before any controller need PostgreSQL or Redis too (an access token's key is checked
 * in the database, idempotency keys and the sign-in throttle live in Redis). When one of those is
 * out of reach their failure would end as a bare 500; this answers it as {@link ProblemHandler}
 * answers a controller's: 503 problem+json {@code unavailable} with {@code Retry-After}. Security
 * checks thereby fail closed: nothing is let through unchecked.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class UnavailableResponses extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnavailableResponses.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failed) {
            if (!Outages.isOutage(failed) || response.isCommitted()) {
                throw failed;
            }
            log.warn("A request failed while the database or Redis was out of reach: {}", failed.getClass().getSimpleName());
            response.reset();
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", Outages.DETAIL),
                    Map.of("Retry-After", Long.toString(Outages.RETRY_AFTER.toSeconds())));
        }
    }
}
