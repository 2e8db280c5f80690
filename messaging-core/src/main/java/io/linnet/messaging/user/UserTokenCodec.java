package io.linnet.messaging.user;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The wire form of a user token: an RS256 JWT signed with the platform's keys. It can never pass
 * for an app's access token, nor the other way round: its header type is {@value #TYPE} (which
 * this codec demands), and it names its tenant and app in claims of its own ({@code lnt_tenant},
 * {@code lnt_app}) rather than the {@code tenant_id}/{@code app_id} an access token must carry.
 * {@code lnt_issued} is the issue time in microseconds of the database's clock, compared with the
 * user's {@code tokens_valid_after} on the same clock, so revocation is exact to the microsecond.
 */
final class UserTokenCodec {

    static final String TYPE = "linnet-user+jwt";
    static final String TENANT_CLAIM = "lnt_tenant";
    static final String APP_CLAIM = "lnt_app";
    static final String ISSUED_CLAIM = "lnt_issued";
    static final String USE_CLAIM = "token_use";
    static final String USE = "user";

    /** A token that passed the signature, type and expiry checks; revocation is checked against the database. */
    record Verified(UserPrincipal principal, Instant issued, Instant expiresAt) {
    }

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Clock clock;

    UserTokenCodec(JWKSource<SecurityContext> keys, Clock clock) {
        this.clock = clock;
        this.encoder = new NimbusJwtEncoder(keys);
        this.decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE))))
                .build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        decoder.setJwtValidator(expiry);
    }

    /** Signs a token for {@code principal} that lives {@code ttl} from now; {@code issued} is on the database's clock. */
    UserToken encode(UserPrincipal principal, Instant issued, Duration ttl) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .subject(principal.userId().value())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(TENANT_CLAIM, principal.tenantId().toString())
                .claim(APP_CLAIM, principal.appId().toString())
                .claim(ISSUED_CLAIM, ChronoUnit.MICROS.between(Instant.EPOCH, issued))
                .claim(USE_CLAIM, USE)
                .build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type(TYPE).build(), claims));
        return new UserToken(jwt.getTokenValue(), expiresAt);
    }

    /** Checks signature, type, expiry and claims; empty for anything that is not a live user token of ours. */
    Optional<Verified> decode(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Jwt jwt = decoder.decode(token);
            if (!USE.equals(jwt.getClaimAsString(USE_CLAIM)) || jwt.getExpiresAt() == null
                    || !(jwt.getClaim(ISSUED_CLAIM) instanceof Number issued) || !UserId.isValid(jwt.getSubject())) {
                return Optional.empty();
            }
            UserPrincipal principal = new UserPrincipal(
                    new TenantId(UUID.fromString(jwt.getClaimAsString(TENANT_CLAIM))),
                    new AppId(UUID.fromString(jwt.getClaimAsString(APP_CLAIM))),
                    new UserId(jwt.getSubject()));
            return Optional.of(new Verified(principal, Instant.EPOCH.plus(issued.longValue(), ChronoUnit.MICROS), jwt.getExpiresAt()));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
