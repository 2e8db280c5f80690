package io.linnet.server.security;

import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.appkey.AccessTokenClaims;
import io.linnet.tenancy.appkey.AppKeyVerifier;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.List;

/** An authenticated developer-API request: a verified access token whose app key is still live. */
final class AppCallerAuthentication extends AbstractAuthenticationToken {

    private final AppCaller caller;
    private final Jwt token;

    private AppCallerAuthentication(AppCaller caller, Jwt token) {
        super(caller.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public AppCaller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.keyId();
    }

    /** Converts a verified JWT, refusing it when its key was revoked or its tenant suspended since it was issued. */
    static Converter<Jwt, AbstractAuthenticationToken> converter(AppKeyVerifier verifier) {
        return jwt -> {
            // an app key's token is issued to the key itself; any other token signed by the platform
            // (a user token, say) names someone else and is no app credential
            if (jwt.getSubject() == null || jwt.getAudience() == null || !jwt.getAudience().contains(jwt.getSubject())) {
                throw new InvalidBearerTokenException("This is not an app key's access token");
            }
            List<String> scopes = jwt.hasClaim(AccessTokenClaims.SCOPE_CLAIM)
                    ? jwt.getClaimAsStringList(AccessTokenClaims.SCOPE_CLAIM) : List.of();
            AppCaller caller = verifier.verify(jwt.getSubject(), jwt.getClaimAsString(AccessTokenClaims.TENANT_CLAIM),
                            jwt.getClaimAsString(AccessTokenClaims.APP_CLAIM), scopes)
                    .orElseThrow(() -> new InvalidBearerTokenException(
                            "The access token's app key was revoked, or its app or tenant is no longer active"));
            return new AppCallerAuthentication(caller, jwt);
        };
    }
}
