package io.linnet.server.security;

import io.linnet.server.LinnetSettings;
import io.linnet.server.web.Problems;
import io.linnet.tenancy.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Slows credential stuffing at {@code /oauth2/token}: failed client authentications are counted per
 * key id and address, and per address alone, in Redis (so every node sees the same counts); past
 * the limits of {@link LinnetSettings.TokenEndpoint} that key id from that address, or that address
 * for any key id, is answered 429 with {@code Retry-After} until the window ends, before its secret
 * is checked. Only failures count: a backend that asks for many tokens with the right secret is
 * never slowed here. Counting by key id and address (not by key id alone) keeps a stranger who
 * knows a key id from locking its owner out.
 */
@Component
class TokenEndpointThrottle {

    static final String KEY_PREFIX = "token:failures:";
    private static final String TOKEN_PATH = "/oauth2/token";

    private final StringRedisTemplate redis;
    private final ThrottleKeys keys;
    private final LinnetSettings.TokenEndpoint limits;

    TokenEndpointThrottle(StringRedisTemplate redis, ThrottleKeys keys, LinnetSettings settings) {
        this.redis = redis;
        this.keys = keys;
        this.limits = settings.tokenEndpoint();
    }

    /** Refuses a token request of a locked key id or address before the client is authenticated. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && TOKEN_PATH.equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long wait = lockedFor(request);
                if (wait == 0) {
                    chain.doFilter(request, response);
                    return;
                }
                var problem = Problems.of(ErrorCode.RATE_LIMITED,
                        "Too many failed token requests from your address; try again in " + wait + " s");
                problem.setProperty("error", "slow_down");
                problem.setProperty("error_description", problem.getDetail());
                Problems.write(response, problem, Map.of("Retry-After", Long.toString(wait)));
            }
        };
    }

    /** Counts each failed client authentication, then answers as {@code next} does. */
    AuthenticationFailureHandler countingFailures(AuthenticationFailureHandler next) {
        return (request, response, exception) -> {
            if (exception instanceof OAuth2AuthenticationException oauth
                    && OAuth2ErrorCodes.INVALID_CLIENT.equals(oauth.getError().getErrorCode())) {
                recordFailure(request);
            }
            next.onAuthenticationFailure(request, response, exception);
        };
    }

    private long lockedFor(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        long wait = lockedFor(addressKey(address), limits.maxFailuresPerAddress());
        String clientId = attemptedClientId(request);
        return clientId == null ? wait : Math.max(wait, lockedFor(pairKey(clientId, address), limits.maxFailuresPerKey()));
    }

    private long lockedFor(String key, int limit) {
        String count = redis.opsForValue().get(key);
        if (count == null || Long.parseLong(count) < limit) {
            return 0;
        }
        Long ttl = redis.getExpire(key);
        return ttl == null || ttl < 1 ? 1 : ttl;
    }

    private void recordFailure(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        count(addressKey(address));
        String clientId = attemptedClientId(request);
        if (clientId != null) {
            count(pairKey(clientId, address));
        }
    }

    private void count(String key) {
        Long failures = redis.opsForValue().increment(key);
        if (failures != null && failures == 1) {
            redis.expire(key, limits.window());
        }
    }

    private String addressKey(String address) {
        return keys.of(KEY_PREFIX + "address:", address);
    }

    private String pairKey(String clientId, String address) {
        return keys.of(KEY_PREFIX + "key:", clientId, address);
    }

    /** The key id a token request names, in its HTTP Basic credentials or its {@code client_id} field. */
    private static String attemptedClientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String field = request.getParameter("client_id");
        return field == null || field.isBlank() ? null : field;
    }
}
