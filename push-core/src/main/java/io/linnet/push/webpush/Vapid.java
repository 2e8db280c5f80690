package io.linnet.push.webpush;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization: vapid t=..., k=...} header of RFC 8292: an ES256 JWT for the push service's origin,
 * signed with the app's VAPID key. Signing is the costly part, so a token is reused per origin for half its lifetime.
 */
final class Vapid {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER = P256.base64Url(
            "{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
    /** A sender talks to a handful of push services; anything beyond this is not worth keeping. */
    private static final int MAX_CACHED_ORIGINS = 64;

    private record Token(String header, Instant reuseUntil) {
    }

    private final ECPrivateKey privateKey;
    private final String publicKey;
    private final String subject;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Token> byOrigin = new ConcurrentHashMap<>();

    Vapid(ECPrivateKey privateKey, String publicKey, String subject, Duration lifetime, Clock clock) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.subject = subject;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The Authorization header value for a request to {@code endpoint}. */
    String authorization(URI endpoint) throws GeneralSecurityException {
        String audience = origin(endpoint);
        Instant now = clock.instant();
        Token cached = byOrigin.get(audience);
        if (cached != null && now.isBefore(cached.reuseUntil())) {
            return cached.header();
        }
        Instant expiry = now.plus(lifetime);
        String claims = P256.base64Url(JSON.writeValueAsBytes(Map.of(
                "aud", audience, "exp", expiry.getEpochSecond(), "sub", subject)));
        String signingInput = HEADER + "." + claims;
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(privateKey);
        es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String header = "vapid t=" + signingInput + "." + P256.base64Url(es256.sign()) + ", k=" + publicKey;
        if (byOrigin.size() >= MAX_CACHED_ORIGINS) {
            byOrigin.clear();
        }
        byOrigin.put(audience, new Token(header, now.plus(lifetime.dividedBy(2))));
        return header;
    }

    /** The origin (RFC 6454) of a push endpoint: scheme, host and any non-default port. */
    static String origin(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
