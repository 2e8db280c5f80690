package io.linnet.server.security;

import io.linnet.server.web.Problems;
import io.linnet.tenancy.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} wrong passwords for one account from one
 * address within {@link #WINDOW}, that pair is refused (429 with {@code Retry-After}) until the window
 * ends. Counted in Redis, so every node sees the same count; a successful sign-in clears it. Only
 * e-mail and password attempts count (form or HTTP Basic): a failed bearer token is no sign-in, and
 * its text must never become part of a Redis key. The counters are named by an HMAC of the e-mail
 * address and the caller's address, never by the address itself.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final String KEY_PREFIX = "signin:failures:";

    private final StringRedisTemplate redis;
    private final ThrottleKeys keys;

    SignInThrottle(StringRedisTemplate redis, ThrottleKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Seconds until the pair may try again, or 0 when it may try now. */
    long lockedFor(String email, String address) {
        String count = redis.opsForValue().get(key(email, address));
        if (count == null || Integer.parseInt(count) < MAX_FAILURES) {
            return 0;
        }
        Long ttl = redis.getExpire(key(email, address));
        return ttl == null || ttl < 1 ? 1 : ttl;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt
                && attempt.getDetails() instanceof WebAuthenticationDetails details
                && attempt.getPrincipal() instanceof String email) {
            String key = key(email, details.getRemoteAddress());
            Long failures = redis.opsForValue().increment(key);
            if (failures != null && failures == 1) {
                redis.expire(key, WINDOW);
            }
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
                && event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            redis.delete(key(event.getAuthentication().getName(), details.getRemoteAddress()));
        }
    }

    /** Refuses a sign-in attempt of a locked pair before its password is even checked. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String email = attemptedEmail(request);
                long wait = email == null ? 0 : lockedFor(email, request.getRemoteAddr());
                if (wait == 0) {
                    chain.doFilter(request, response);
                } else if (request.getHeader("Authorization") != null) {
                    Problems.write(response, Problems.of(ErrorCode.RATE_LIMITED,
                            "Too many failed sign-ins for this account from your address; try again in " + wait + " s"),
                            Map.of("Retry-After", Long.toString(wait)));
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?error&locked");
                }
            }
        };
    }

    private static String attemptedEmail(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? decoded.substring(0, colon) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && request.getServletPath().equals("/login")) {
            return request.getParameter("username");
        }
        return null;
    }

    private String key(String email, String address) {
        return keys.of(KEY_PREFIX, email.trim().toLowerCase(Locale.ROOT), address);
    }
}
