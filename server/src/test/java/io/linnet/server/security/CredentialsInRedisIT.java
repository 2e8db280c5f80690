package io.linnet.server.security;

import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed credentials never end up in Redis key names: not a bearer token, not a personal access
 * token, not the e-mail address of a failed sign-in, not a key id sent to the token endpoint.
 */
class CredentialsInRedisIT extends ServerIT {

    @Autowired
    StringRedisTemplate redis;

    @AfterEach
    void forgetTheFailures() {
        Set<String> counters = redis.keys(TokenEndpointThrottle.KEY_PREFIX + "*");
        if (counters != null && !counters.isEmpty()) {
            redis.delete(counters);
        }
    }

    @Test
    void no_redis_key_names_a_failed_credential() {
        String marker = UUID.randomUUID().toString().replace("-", "");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\",\"kid\":\"x\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + marker + "\"}").getBytes());
        String forgedJwt = header + "." + payload + ".c2lnbmF0dXJl" + marker;
        String garbage = "not-a-token-" + marker;
        String personalToken = "lpat_" + marker;
        String email = "guess-" + marker + "@nobody.test";
        String keyId = "lk_" + marker;

        assertThat(api().bearer(forgedJwt).get("/v1/app").status()).isEqualTo(401);
        assertThat(api().bearer(garbage).get("/v1/app").status()).isEqualTo(401);
        assertThat(api().bearer(personalToken).get("/manage/v1/apps").status()).isEqualTo(401);
        assertThat(api().basic(email, "wrong-password-guess").get("/manage/v1/apps").status()).isEqualTo(401);
        Fixtures.TenantOwner owner = fixtures().tenant("Redis Keys");
        assertThat(api().basic(owner.email(), "wrong-password-guess").get("/manage/v1/apps").status()).isEqualTo(401);
        assertThat(api().basic(keyId, "lks_" + marker).form("/oauth2/token", Map.of("grant_type", "client_credentials")).status())
                .isEqualTo(401);

        Set<String> keys = redis.keys("*");
        assertThat(keys).isNotNull();
        assertThat(keys).as("the sign-in and token failures were counted").anyMatch(k -> k.startsWith("signin:failures:"))
                .anyMatch(k -> k.startsWith(TokenEndpointThrottle.KEY_PREFIX));
        assertThat(keys).noneMatch(k -> k.contains(marker) || k.contains(owner.email()) || k.contains(garbage));
    }
}
