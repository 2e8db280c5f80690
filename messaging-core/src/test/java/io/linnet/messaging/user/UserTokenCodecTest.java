package io.linnet.messaging.user;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserTokenCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final JWKSource<SecurityContext> KEYS = keys();
    private static final UserPrincipal ALICE = new UserPrincipal(new TenantId(UUID.randomUUID()),
            new AppId(UUID.randomUUID()), UserId.of("alice"));

    private static JWKSource<SecurityContext> keys() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserTokenCodec at(Instant now) {
        return new UserTokenCodec(KEYS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void a_token_names_its_tenant_app_and_user_and_its_exact_issue_time() {
        Instant issued = NOW.plus(123_456, ChronoUnit.MICROS);
        UserToken token = at(NOW).encode(ALICE, issued, Duration.ofHours(1));

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(at(NOW.plusSeconds(60)).decode(token.token()))
                .hasValueSatisfying(verified -> {
                    assertThat(verified.principal()).isEqualTo(ALICE);
                    assertThat(verified.issued()).isEqualTo(issued);
                });
    }

    @Test
    void an_expired_token_is_refused_without_grace() {
        UserToken token = at(NOW).encode(ALICE, NOW, Duration.ofMinutes(1));

        assertThat(at(NOW.plusSeconds(59)).decode(token.token())).isPresent();
        assertThat(at(NOW.plusSeconds(61)).decode(token.token())).isEmpty();
    }

    @Test
    void an_app_access_token_signed_by_the_same_keys_is_no_user_token() {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("alice").issuedAt(NOW).expiresAt(NOW.plusSeconds(3600))
                .claim("tenant_id", ALICE.tenantId().toString()).claim("app_id", ALICE.appId().toString())
                .claim("scope", java.util.List.of("users")).build();
        String accessToken = new NimbusJwtEncoder(KEYS)
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();

        assertThat(at(NOW).decode(accessToken)).isEmpty();
    }

    @Test
    void a_token_of_the_right_type_without_the_user_claims_is_refused() {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("alice").issuedAt(NOW).expiresAt(NOW.plusSeconds(3600)).build();
        String token = new NimbusJwtEncoder(KEYS).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).type(UserTokenCodec.TYPE).build(), claims)).getTokenValue();

        assertThat(at(NOW).decode(token)).isEmpty();
    }

    @Test
    void tampered_foreign_and_garbage_tokens_are_refused() {
        String token = at(NOW).encode(ALICE, NOW, Duration.ofHours(1)).token();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        String foreign = new UserTokenCodec(keys(), Clock.fixed(NOW, ZoneOffset.UTC)).encode(ALICE, NOW, Duration.ofHours(1)).token();

        assertThat(at(NOW).decode(tampered)).isEmpty();
        assertThat(at(NOW).decode(foreign)).isEmpty();
        assertThat(at(NOW).decode("not.a.token")).isEmpty();
        assertThat(at(NOW).decode("")).isEmpty();
        assertThat(at(NOW).decode(null)).isEmpty();
    }
}
