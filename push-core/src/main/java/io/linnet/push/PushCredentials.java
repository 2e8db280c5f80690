package io.linnet.push;

import io.linnet.push.credential.CheckedCredential;
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

import java.net.URI;
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
 * master key), generate VAPID keys, list, delete. At most {@value #MAX_LIVE_PER_PROVIDER} are live
 * per provider, so a rotation has no gap: upload the new credential, then delete the old one. Secrets
 * never leave through these methods and never appear in the audit log; the delivery pipeline reads
 * them on its own path, inside the push module.
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
    private final URI fcmTokenUri;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    public PushCredentials(TenantDatabase database, AppManagement apps, AuditLog audit, SecretCipher cipher,
                           PushSettings settings) {
        this(database, apps, audit, cipher, settings.fcmTokenUri(), Clock.systemUTC());
    }

    PushCredentials(TenantDatabase database, AppManagement apps, AuditLog audit, SecretCipher cipher, URI fcmTokenUri,
                    Clock clock) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
        this.fcmTokenUri = fcmTokenUri;
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
    public PushCredential get(Actor.Member actor, AppId app, CredentialId id) {
        actor.require(Permission.PUSH_CREDENTIALS_READ);
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
        CheckedCredential checked = CheckedCredential.of(upload, clock.instant(), fcmTokenUri);
        return store(actor, app, checked, "push_credential.uploaded");
    }

    /**
     * Generates a VAPID key pair for Web Push; the answer's {@code metadata.publicKey} is what the
     * web app passes to {@code pushManager.subscribe} as {@code applicationServerKey}.
     */
    public PushCredential generateVapid(Actor.Member actor, AppId app, String label, String subject) {
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        database.inTenant(actor.tenantId(), () -> apps.find(actor.tenantId(), app));
        return store(actor, app, CheckedCredential.newVapidKeys(label, subject), "push_credential.generated");
    }

    /** Deletes (revokes) a credential: the pipeline stops using it at once and its secret is erased. */
    public PushCredential delete(Actor.Member actor, AppId app, CredentialId id) {
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        return database.inTenant(actor.tenantId(), () -> {
            PushCredential credential = find(actor.tenantId(), app, id);
            if (!credential.live()) {
                return credential;
            }
            database.jdbc().sql("""
                            update push_credentials set revoked_at = now(), secret = null
                             where tenant_id = ? and app_id = ? and id = ?""")
                    .params(actor.tenantId().value(), app.value(), id.value())
                    .update();
            audit.record(actor, "push_credential.deleted", "push_credential", id.toString(), details(app, credential));
            return find(actor.tenantId(), app, id);
        });
    }

    private PushCredential store(Actor.Member actor, AppId app, CheckedCredential checked, String action) {
        PushProvider provider = checked.kind().provider();
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            lockCredentialsOf(app);
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
            CredentialId id = new CredentialId(Ids.next());
            database.jdbc().sql("""
                            insert into push_credentials
                                (tenant_id, app_id, id, provider, kind, label, metadata, secret, expires_at, created_by)
                            values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                    .params(actor.tenantId().value(), app.value(), id.value(), provider.wireName(),
                            checked.kind().name(), checked.label(), json.writeValueAsString(checked.metadata()),
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
     * Serializes the stores of one app's credentials until the transaction ends, so that two uploads at once cannot
     * both see one live credential and make three: a transaction-scoped advisory lock keyed on the app, so that push
     * locks no row of another module's table. (An app deleted meanwhile takes its credentials with it; the insert
     * then breaks the foreign key, a conflict.)
     */
    private void lockCredentialsOf(AppId app) {
        database.jdbc().sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("push_credentials:" + app.value())
                .query()
                .singleValue();
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

    private PushCredential find(TenantId tenant, AppId app, CredentialId id) {
        Instant now = clock.instant();
        return database.jdbc().sql("select " + COLUMNS + " from push_credentials where tenant_id = ? and app_id = ? and id = ?")
                .params(tenant.value(), app.value(), id.value())
                .query((rs, row) -> credential(rs, now))
                .optional()
                .orElseThrow(() -> DomainException.notFound("Push credential"));
    }

    private PushCredential credential(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = instant(rs, "expires_at");
        return new PushCredential(
                new CredentialId(rs.getObject("id", UUID.class)),
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
