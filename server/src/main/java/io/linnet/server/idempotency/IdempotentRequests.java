package io.linnet.server.idempotency;

import io.linnet.server.web.Problems;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.account.ConsoleUser;
import io.linnet.tenancy.secret.SecretCipher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code Idempotency-Key} on the POSTs of the APIs: a repeat of a request with the same key, by the
 * same caller, answers the first result instead of doing the work again, so a client may retry a
 * create after a timeout without creating twice. Results are kept in Redis for a day, encrypted
 * (a created key's secret is part of one), under the caller's tenant prefix.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class IdempotentRequests extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    /** What is kept of a first request: its fingerprint and, once done, its answer. */
    record Stored(String fingerprint, boolean done, int status, String contentType, String location, String body) {
    }

    private final StringRedisTemplate redis;
    private final SecretCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    IdempotentRequests(StringRedisTemplate redis, SecretCipher cipher) {
        this.redis = redis;
        this.cipher = cipher;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !(path.startsWith("/v1/") || path.startsWith("/manage/") || path.startsWith("/ops/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            Problems.write(response, Problems.of(ErrorCode.INVALID_REQUEST,
                    HEADER + " must be 1 to 255 visible ASCII characters"), Map.of());
            return;
        }
        String scope = scopeOf(request.getUserPrincipal() instanceof Authentication a ? a : null);
        if (scope == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String fingerprint = sha256(request.getMethod() + " " + path + "\n" + new String(body, StandardCharsets.UTF_8));
        String redisKey = scope + ":idem:" + sha256(path + "\n" + key);

        Stored pending = new Stored(fingerprint, false, 0, null, null, null);
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(redisKey, json.writeValueAsString(pending), IN_FLIGHT))) {
            replay(redisKey, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new Replayable(request, body), recorded);
            if (recorded.getStatus() < 500) {
                String answer = new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8);
                Stored done = new Stored(fingerprint, true, recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader("Location"), cipher.encrypt(answer));
                redis.opsForValue().set(redisKey, json.writeValueAsString(done), KEEP);
                kept = true;
            }
        } finally {
            if (!kept) {
                redis.delete(redisKey);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replay(String redisKey, String fingerprint, HttpServletResponse response) throws IOException {
        String value = redis.opsForValue().get(redisKey);
        Stored first = value == null ? null : json.readValue(value, Stored.class);
        if (first == null || !first.done()) {
            Problems.write(response, Problems.of(ErrorCode.CONFLICT,
                    "A request with this " + HEADER + " is still being processed; retry in a moment"), Map.of("Retry-After", "1"));
            return;
        }
        if (!first.fingerprint().equals(fingerprint)) {
            Problems.write(response, Problems.of(ErrorCode.CONFLICT,
                    "This " + HEADER + " was already used for a different request"), Map.of());
            return;
        }
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(cipher.decrypt(first.body()).getBytes(StandardCharsets.UTF_8));
    }

    /** The Redis prefix of the caller, so one caller's keys never meet another's. */
    private static String scopeOf(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        if (authentication.getPrincipal() instanceof AppCaller caller) {
            return "t:" + caller.tenantId() + ":a:" + caller.appId();
        }
        if (authentication.getPrincipal() instanceof ConsoleUser user) {
            return user.tenantId().map(tenant -> "t:" + tenant + ":m:" + user.accountId())
                    .orElse("platform:o:" + user.accountId());
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once up front and served again to the handler. */
    private static final class Replayable extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
