package io.linnet.tenancy.appkey;

import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified access token into an {@link AppCaller} on every request, after checking that
 * the key that got the token is still live and its tenant active: revoking a key or suspending a
 * tenant stops its tokens at once, not when they expire.
 */
@Service
public class AppKeyVerifier {

    private final PlatformDatabase platform;

    public AppKeyVerifier(PlatformDatabase platform) {
        this.platform = platform;
    }

    /**
     * @param keyId  the token's subject (the key's client id)
     * @param tenant the token's tenant claim
     * @param app    the token's app claim
     * @param scopes the token's scopes
     * @return the caller, or empty when the key was revoked, the app deleted or the tenant suspended
     */
    public Optional<AppCaller> verify(String keyId, String tenant, String app, Collection<String> scopes) {
        UUID tenantId;
        UUID appId;
        try {
            tenantId = UUID.fromString(tenant);
            appId = UUID.fromString(app);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        // Recording the use at most once a minute keeps the per-request cost to a read.
        return platform.jdbc().sql("""
                        with live as (
                            select k.tenant_id, k.id
                              from app_keys k join tenants t on t.id = k.tenant_id
                             where k.id = :key and k.tenant_id = :tenant and k.app_id = :app
                               and k.status = 'ACTIVE' and t.status = 'ACTIVE'),
                        used as (
                            update app_keys k set last_used_at = now()
                              from live
                             where k.tenant_id = live.tenant_id and k.id = live.id
                               and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute'))
                        select count(*) from live""")
                .param("key", keyId)
                .param("tenant", tenantId)
                .param("app", appId)
                .query(Integer.class)
                .single() == 1
                ? Optional.of(new AppCaller(new TenantId(tenantId), new AppId(appId), keyId, Set.copyOf(scopes)))
                : Optional.empty();
    }
}
