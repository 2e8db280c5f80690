package io.linnet.push.credential;

import io.linnet.push.CredentialId;
import io.linnet.push.CredentialKind;
import io.linnet.push.PushProvider;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.secret.SecretCipher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery pipeline's side of push credentials: the live ones with their secrets decrypted, and the provider's
 * refusals written on them for the app's admins to see. Managing credentials is {@link io.linnet.push.PushCredentials}'
 * part; nothing here leaves the push module.
 */
@Component
public class LiveCredentials {

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final TenantDatabase database;
    private final SecretCipher cipher;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public LiveCredentials(TenantDatabase database, SecretCipher cipher) {
        this.database = database;
        this.cipher = cipher;
        this.clock = Clock.systemUTC();
    }

    /**
     * The live credentials of one provider for an app, newest first, with their secrets decrypted:
     * what the delivery pipeline signs in with. Empty when the app has none (or does not exist).
     * Expired certificates are left out.
     */
    public List<PushCredentialMaterial> live(TenantId tenant, AppId app, PushProvider provider) {
        Instant now = clock.instant();
        return database.inTenant(tenant, () -> database.jdbc().sql("""
                        select id, kind, metadata::text, secret, expires_at, created_at from push_credentials
                         where tenant_id = ? and app_id = ? and provider = ? and revoked_at is null
                           and (expires_at is null or expires_at > ?)
                         order by created_at desc""")
                .params(tenant.value(), app.value(), provider.wireName(), Timestamp.from(now))
                .query(this::material)
                .list());
    }

    /**
     * Notes that the provider refused the live credential as such, for the app's admins to see; the delivery
     * pipeline calls this, sparingly (not once per notification).
     */
    public void recordRejection(TenantId tenant, AppId app, CredentialId credential, String reason) {
        String shortened = reason.length() > 500 ? reason.substring(0, 499) + "…" : reason;
        database.runInTenant(tenant, () -> database.jdbc().sql("""
                        update push_credentials set last_rejection = ?, last_rejected_at = ?
                         where tenant_id = ? and app_id = ? and id = ? and revoked_at is null""")
                .params(shortened, Timestamp.from(clock.instant()), tenant.value(), app.value(), credential.value())
                .update());
    }

    /** Forgets the credential's last rejection: the provider accepted it again. */
    public void clearRejection(TenantId tenant, AppId app, CredentialId credential) {
        database.runInTenant(tenant, () -> database.jdbc().sql("""
                        update push_credentials set last_rejection = null, last_rejected_at = null
                         where tenant_id = ? and app_id = ? and id = ? and last_rejection is not null""")
                .params(tenant.value(), app.value(), credential.value())
                .update());
    }

    private PushCredentialMaterial material(ResultSet rs, int row) throws SQLException {
        CredentialId id = new CredentialId(rs.getObject("id", UUID.class));
        Instant createdAt = rs.getTimestamp("created_at").toInstant();
        Map<String, String> metadata = json.readValue(rs.getString("metadata"), STRINGS);
        Map<String, String> secret = json.readValue(cipher.decrypt(rs.getString("secret")), STRINGS);
        return switch (CredentialKind.valueOf(rs.getString("kind"))) {
            case APNS_TOKEN -> new PushCredentialMaterial.ApnsToken(id, createdAt, metadata.get("keyId"),
                    metadata.get("teamId"), metadata.get("topic"), ApnsEnvironment.fromWire(metadata.get("environment")),
                    secret.get("privateKey"));
            case APNS_CERTIFICATE -> new PushCredentialMaterial.ApnsCertificate(id, createdAt, metadata.get("topic"),
                    ApnsEnvironment.fromWire(metadata.get("environment")), instant(rs, "expires_at"),
                    secret.get("pkcs12"), secret.get("password"));
            case FCM -> new PushCredentialMaterial.Fcm(id, createdAt, metadata.get("projectId"),
                    metadata.get("clientEmail"), secret.get("serviceAccount"));
            case WEBPUSH_VAPID -> new PushCredentialMaterial.Vapid(id, createdAt, metadata.get("subject"),
                    metadata.get("publicKey"), secret.get("privateKey"));
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
