package io.linnet.tenancy.appkey;

import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Shapes the access tokens issued to app keys: they name the tenant and the app, and a token
 * requested without a {@code scope} parameter carries all of the key's scopes. Issuing a token
 * counts as using the key.
 */
@Service
public class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String TENANT_CLAIM = "tenant_id";
    public static final String APP_CLAIM = "app_id";
    public static final String SCOPE_CLAIM = "scope";

    private final PlatformDatabase platform;

    public AccessTokenClaims(PlatformDatabase platform) {
        this.platform = platform;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        RegisteredClient client = context.getRegisteredClient();
        String tenant = client.getClientSettings().getSetting(AppKeyClients.TENANT_SETTING);
        String app = client.getClientSettings().getSetting(AppKeyClients.APP_SETTING);
        if (tenant == null || app == null) {
            return;
        }
        context.getClaims().claim(TENANT_CLAIM, tenant).claim(APP_CLAIM, app);
        if (context.getAuthorizedScopes().isEmpty()) {
            context.getClaims().claim(SCOPE_CLAIM, client.getScopes());
        }
        // at most once a minute per key: a write (and a disk flush) per token would cap issuance
        platform.jdbc().sql("""
                        update app_keys set last_used_at = now()
                         where tenant_id = ? and id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .params(UUID.fromString(tenant), client.getClientId())
                .update();
    }
}
