package io.linnet.server.security;

import io.linnet.tenancy.appkey.AppKeySecrets;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

import java.util.UUID;

/**
 * Client authentication at the token endpoint that answers an unknown key id exactly as a wrong
 * secret: the same error, and the same work, since the secret of an unknown key id is checked
 * against a stand-in hash just as a known key's would be against its own. Without this, Spring's
 * provider names the failing field ({@code client_id} or {@code client_secret}) and skips the hash
 * for unknown ids, which tells a prober which key ids exist.
 */
final class UniformClientAuthentication implements AuthenticationProvider {

    static final String DESCRIPTION = "The app key or its secret is wrong, or the key was revoked";
    /** The hash of a secret nobody holds, drawn afresh at each start. */
    private static final String STAND_IN_HASH = new AppKeySecrets().encode(UUID.randomUUID() + ":" + UUID.randomUUID());

    private final AuthenticationProvider delegate;
    private final AppKeySecrets secrets = new AppKeySecrets();

    UniformClientAuthentication(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return delegate.authenticate(authentication);
        } catch (OAuth2AuthenticationException e) {
            if (!OAuth2ErrorCodes.INVALID_CLIENT.equals(e.getError().getErrorCode())) {
                throw e;
            }
            String description = e.getError().getDescription();
            if (description != null && description.endsWith(OAuth2ParameterNames.CLIENT_ID)
                    && authentication.getCredentials() != null) {
                secrets.matches(authentication.getCredentials().toString(), STAND_IN_HASH);
            }
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, DESCRIPTION, null));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication) && OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
