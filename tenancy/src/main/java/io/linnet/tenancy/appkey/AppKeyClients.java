package io.linnet.tenancy.appkey;

import io.linnet.tenancy.TenancySettings;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Presents live app keys to the authorization server as OAuth2 clients of the
 * {@code client_credentials} grant. A revoked key, or a key of a suspended tenant, is not a client
 * at all. Keys are created by {@link AppKeyManagement}, never through this repository.
 */
@Service
public class AppKeyClients implements RegisteredClientRepository {

    static final String TENANT_SETTING = "linnet.tenant_id";
    static final String APP_SETTING = "linnet.app_id";

    private final PlatformDatabase platform;
    private final Duration accessTokenTtl;

    public AppKeyClients(PlatformDatabase platform, TenancySettings settings) {
        this.platform = platform;
        this.accessTokenTtl = settings.accessTokenTtl();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("App keys are created through AppKeyManagement");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return null;
        }
        return platform.jdbc().sql("""
                        select k.id, k.tenant_id, k.app_id, k.secret_hash, k.scopes, k.created_at
                          from app_keys k join tenants t on t.id = k.tenant_id
                         where k.id = ? and k.status = 'ACTIVE' and t.status = 'ACTIVE'""")
                .param(clientId)
                .query((rs, row) -> {
                    List<String> scopes = Arrays.asList((String[]) rs.getArray("scopes").getArray());
                    return RegisteredClient.withId(rs.getString("id"))
                        .clientId(rs.getString("id"))
                        .clientIdIssuedAt(rs.getTimestamp("created_at").toInstant())
                        .clientSecret(rs.getString("secret_hash"))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(granted -> granted.addAll(scopes))
                        .clientSettings(ClientSettings.builder()
                                .setting(TENANT_SETTING, rs.getObject("tenant_id", UUID.class).toString())
                                .setting(APP_SETTING, rs.getObject("app_id", UUID.class).toString())
                                .build())
                        .tokenSettings(TokenSettings.builder()
                                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                                .accessTokenTimeToLive(accessTokenTtl)
                                .build())
                        .build();
                })
                .optional()
                .orElse(null);
    }
}
