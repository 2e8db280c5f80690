package io.linnet.push.credential;

import io.linnet.push.provider.PushProvider;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.secret.SecretCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An app's push credentials: upload (checked, then stored with the secret part encrypted under the
 * master key), generate VAPID keys, list, delete; and, for the delivery pipeline, the live ones with
 * their secrets. At most {@value #MAX_LIVE_PER_PROVIDER} are live per provider, so a rotation has no
 * gap: upload the new credential, then delete the old one. Secrets never leave through the
 * management methods and never appear in the audit log.
 */
@Service
public class PushCredentials {

    public static final int MAX_LIVE_PER_PROVIDER = 2;
    /** Larger than any real .p8, .p12 or service-account file. */
    public static final int MAX_FILE_BYTES = 32 * 1024;

    private static final String COLUMNS = """
            id, app_id, provider, kind, label, metadata::text, expires_at, created_at, revoked_at, last_rejection,
            last_rejected_at""";
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final TenantDatabase database;
    private final AppManagement apps;
    private final AuditLog audit;
    private final SecretCipher cipher;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    public PushCredentials(TenantDatabase database, AppManagement apps, AuditLog audit, SecretCipher cipher) {
        this(database, apps, audit, cipher, Clock.systemUTC());
    }

    PushCredentials(TenantDatabase database, AppManagement apps, AuditLog audit, SecretCipher cipher, Clock clock) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The app's live credentials, by provider and newest first. */
    public List<PushCredential> list(Actor.Member actor, AppId app) {
        actor.require(Permission.PUSH_CREDENTIALS_READ);
        Instant now = clock.instant();
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return database.jdbc().sql("""
                            select %s from push_credentials
                             where tenant_id = ? and app_id = ? and revoked_at is null
                             order by provider, created_at desc""".formatted(COLUMNS))
                    .params(actor.tenantId().value(), app.value())
                    .query((rs, row) -> credential(rs, now))
                    .list();
        });
    }

    /** One credential, live or deleted. */
    public PushCredential get(Actor.Member actor, AppId app, String credentialId) {
        actor.require(Permission.PUSH_CREDENTIALS_READ);
        UUID id = Ids.parse(credentialId, "Push credential");
        return database.inTenant(actor.tenantId(), () -> find(actor.tenantId(), app, id));
    }

    /**
     * Checks and stores a credential.
     *
     * @throws DomainException {@code invalid_request} saying what is wrong with the upload;
     *                         {@code conflict} when the provider already has two live credentials
     */
    public PushCredential upload(Actor.Member actor, AppId app, CredentialUpload upload) {
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        // the app is looked up first, so that another tenant's app is not found whatever was sent
        database.inTenant(actor.tenantId(), () -> apps.find(actor.tenantId(), app));
        CheckedCredential checked = check(upload);
        return store(actor, app, checked, "push_credential.uploaded");
    }

    /**
     * Generates a VAPID key pair for Web Push; the answer's {@code metadata.publicKey} is what the
     * web app passes to {@code pushManager.subscribe} as {@code applicationServerKey}.
     */
    public PushCredential generateVapid(Actor.Member actor, AppId app, String label, String subject) {
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        database.inTenant(actor.tenantId(), () -> apps.find(actor.tenantId(), app));
        String checkedSubject = VapidKeyPair.subject(subject);
        VapidKeyPair pair = VapidKeyPair.generate();
        CheckedCredential checked = VapidKeyPair.check(
                new CredentialUpload.VapidKeys(label, pair.publicKey(), pair.privateKey(), checkedSubject));
        return store(actor, app, checked, "push_credential.generated");
    }

    /** Deletes (revokes) a credential: the pipeline stops using it at once and its secret is erased. */
    public PushCredential delete(Actor.Member actor, AppId app, String credentialId) {
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        UUID id = Ids.parse(credentialId, "Push credential");
        return database.inTenant(actor.tenantId(), () -> {
            PushCredential credential = find(actor.tenantId(), app, id);
            if (!credential.live()) {
                return credential;
            }
            database.jdbc().sql("""
                            update push_credentials set revoked_at = now(), secret = null
                             where tenant_id = ? and app_id = ? and id = ?""")
                    .params(actor.tenantId().value(), app.value(), id)
                    .update();
            audit.record(actor, "push_credential.deleted", "push_credential", id.toString(), details(app, credential));
            return find(actor.tenantId(), app, id);
        });
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

    CheckedCredential check(CredentialUpload upload) {
        return switch (upload) {
            case CredentialUpload.ApnsToken token -> ApnsKeyFile.check(sized(token, token.p8()));
            case CredentialUpload.ApnsCertificate certificate ->
                    ApnsCertificateFile.check(sized(certificate, certificate.p12()), clock.instant());
            case CredentialUpload.FcmServiceAccount account -> ServiceAccountFile.check(sized(account, account.json()));
            case CredentialUpload.VapidKeys keys -> VapidKeyPair.check(keys);
        };
    }

    private PushCredential store(Actor.Member actor, AppId app, CheckedCredential checked, String action) {
        PushProvider provider = checked.kind().provider();
        return database.inTenant(actor.tenantId(), () -> {
            lockApp(actor.tenantId(), app);
            int live = database.jdbc().sql("""
                            select count(*) from push_credentials
                             where tenant_id = ? and app_id = ? and provider = ? and revoked_at is null""")
                    .params(actor.tenantId().value(), app.value(), provider.wireName())
                    .query(Integer.class)
                    .single();
            if (live >= MAX_LIVE_PER_PROVIDER) {
                throw DomainException.conflict("This app already has " + MAX_LIVE_PER_PROVIDER + " live "
                        + provider.title() + " credentials; delete one before adding another "
                        + "(two may be live at once, so that a rotation has no gap)");
            }
            UUID id = Ids.next();
            database.jdbc().sql("""
                            insert into push_credentials
                                (tenant_id, app_id, id, provider, kind, label, metadata, secret, expires_at, created_by)
                            values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                    .params(actor.tenantId().value(), app.value(), id, provider.wireName(), checked.kind().name(),
                            checked.label(), json.writeValueAsString(checked.metadata()),
                            cipher.encrypt(json.writeValueAsString(checked.secret())),
                            checked.expiresAt() == null ? null : Timestamp.from(checked.expiresAt()),
                            actor.accountId().value())
                    .update();
            PushCredential credential = find(actor.tenantId(), app, id);
            audit.record(actor, action, "push_credential", id.toString(), details(app, credential));
            return credential;
        });
    }

    /**
     * Notes that the provider refused the live credential as such, for the app's admins to see; the delivery
     * pipeline calls this, sparingly (not once per notification).
     */
    public void recordRejection(TenantId tenant, AppId app, String credentialId, String reason) {
        String shortened = reason.length() > 500 ? reason.substring(0, 499) + "…" : reason;
        database.runInTenant(tenant, () -> database.jdbc().sql("""
                        update push_credentials set last_rejection = ?, last_rejected_at = ?
                         where tenant_id = ? and app_id = ? and id = ? and revoked_at is null""")
                .params(shortened, Timestamp.from(clock.instant()), tenant.value(), app.value(), UUID.fromString(credentialId))
                .update());
    }

    /** Forgets the credential's last rejection: the provider accepted it again. */
    public void clearRejection(TenantId tenant, AppId app, String credentialId) {
        database.runInTenant(tenant, () -> database.jdbc().sql("""
                        update push_credentials set last_rejection = null, last_rejected_at = null
                         where tenant_id = ? and app_id = ? and id = ? and last_rejection is not null""")
                .params(tenant.value(), app.value(), UUID.fromString(credentialId))
                .update());
    }

    private static Map<String, Object> details(AppId app, PushCredential credential) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("app", app.toString());
        details.put("provider", credential.provider().wireName());
        details.put("kind", credential.kind().name());
        details.put("label", credential.label());
        details.put("metadata", credential.metadata());
        return details;
    }

    private static <T extends CredentialUpload> T sized(T upload, byte[] file) {
        if (file != null && file.length > MAX_FILE_BYTES) {
            throw DomainException.invalid("The file is larger than " + MAX_FILE_BYTES / 1024
                    + " KiB, which no push credential is: is it the right file?");
        }
        return upload;
    }

    private void lockApp(TenantId tenant, AppId app) {
        database.jdbc().sql("select id from apps where tenant_id = ? and id = ? for update")
                .params(tenant.value(), app.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("App"));
    }

    private PushCredential find(TenantId tenant, AppId app, UUID id) {
        Instant now = clock.instant();
        return database.jdbc().sql("select " + COLUMNS + " from push_credentials where tenant_id = ? and app_id = ? and id = ?")
                .params(tenant.value(), app.value(), id)
                .query((rs, row) -> credential(rs, now))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Push credential"));
    }

    private PushCredential credential(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = instant(rs, "expires_at");
        return new PushCredential(
                rs.getObject("id", UUID.class).toString(),
                new AppId(rs.getObject("app_id", UUID.class)),
                PushProvider.of(rs.getString("provider")),
                CredentialKind.valueOf(rs.getString("kind")),
                rs.getString("label"),
                json.readValue(rs.getString("metadata"), STRINGS),
                expiresAt,
                ExpiryWarning.of(expiresAt, now),
                instant(rs, "created_at"),
                instant(rs, "revoked_at"),
                rs.getString("last_rejection") == null ? null
                        : new PushCredential.Rejection(rs.getString("last_rejection"), instant(rs, "last_rejected_at")));
    }

    private PushCredentialMaterial material(ResultSet rs, int row) throws SQLException {
        String id = rs.getObject("id", UUID.class).toString();
        Instant createdAt = instant(rs, "created_at");
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
