package io.linnet.server.security;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /oauth2/token} tells nobody which key ids exist, and slows whoever keeps failing: per key
 * id and address after 10 failures, per address after 50, with 429 and {@code Retry-After}.
 */
class TokenEndpointThrottleIT extends ServerIT {

    private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");

    @Autowired
    StringRedisTemplate redis;

    /**
     * Every test here fails from 127.0.0.1, the address all the other tests call from too, and
     * starts without the failures other tests left.
     */
    @BeforeEach
    @AfterEach
    void forgetTheFailures() {
        var counters = redis.keys(TokenEndpointThrottle.KEY_PREFIX + "*");
        if (counters != null && !counters.isEmpty()) {
            redis.delete(counters);
        }
    }

    @Test
    void an_unknown_key_id_is_answered_exactly_as_a_wrong_secret() {
        Fixtures.TenantOwner owner = fixtures().tenant("Token Uniform");
        Fixtures.AppKey key = fixtures().key(owner, fixtures().app(owner, "uniform"));

        Api.Response wrongSecret = api().basic(key.keyId(), "lks_wrong-secret").form("/oauth2/token", CLIENT_CREDENTIALS);
        Api.Response unknownKey = api().basic("lk_" + UUID.randomUUID().toString().replace("-", ""), "lks_wrong-secret")
                .form("/oauth2/token", CLIENT_CREDENTIALS);

        wrongSecret.assertProblem(401, "unauthorized");
        assertThat(unknownKey.status()).isEqualTo(wrongSecret.status());
        assertThat(unknownKey.body()).isEqualTo(wrongSecret.body());
        assertThat(unknownKey.header("WWW-Authenticate")).isEqualTo(wrongSecret.header("WWW-Authenticate"));
        assertThat(wrongSecret.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(wrongSecret.body()).doesNotContain("client_id", "client_secret", key.keyId());
    }

    @Test
    void after_ten_failures_for_one_key_id_even_its_right_secret_waits_but_other_keys_do_not() {
        Fixtures.TenantOwner owner = fixtures().tenant("Token Throttle Key");
        String app = fixtures().app(owner, "throttled");
        Fixtures.AppKey key = fixtures().key(owner, app);
        Fixtures.AppKey otherKey = fixtures().key(owner, app);
        for (int i = 0; i < 10; i++) {
            assertThat(api().basic(key.keyId(), "lks_guess-" + i).form("/oauth2/token", CLIENT_CREDENTIALS).status())
                    .isEqualTo(401);
        }

        Api.Response locked = api().basic(key.keyId(), key.secret()).form("/oauth2/token", CLIENT_CREDENTIALS);

        locked.assertProblem(429, "rate_limited");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(locked.body()).doesNotContain("access_token");
        assertThat(api().basic(otherKey.keyId(), otherKey.secret()).form("/oauth2/token", CLIENT_CREDENTIALS).status())
                .as("another key id from the same address").isEqualTo(200);
    }

    @Test
    void after_fifty_failures_from_one_address_every_key_id_waits() {
        Fixtures.TenantOwner owner = fixtures().tenant("Token Throttle Address");
        Fixtures.AppKey key = fixtures().key(owner, fixtures().app(owner, "sprayed"));
        for (int i = 0; i < 50; i++) {
            assertThat(api().basic("lk_sprayed" + i, "lks_guess").form("/oauth2/token", CLIENT_CREDENTIALS).status())
                    .isEqualTo(401);
        }

        Api.Response locked = api().basic(key.keyId(), key.secret()).form("/oauth2/token", CLIENT_CREDENTIALS);

        locked.assertProblem(429, "rate_limited");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
    }

    @Test
    void successful_token_requests_are_never_counted() {
        Fixtures.TenantOwner owner = fixtures().tenant("Token Busy");
        Fixtures.AppKey key = fixtures().key(owner, fixtures().app(owner, "busy"));
        for (int i = 0; i < 60; i++) {
            assertThat(api().basic(key.keyId(), key.secret()).form("/oauth2/token", CLIENT_CREDENTIALS).status())
                    .isEqualTo(200);
        }
        assertThat(redis.keys(TokenEndpointThrottle.KEY_PREFIX + "*")).isEmpty();
    }
}
