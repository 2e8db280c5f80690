package io.linnet.tenancy.appkey;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An app's keys: create, list, rotate and revoke. At most {@value #MAX_LIVE_KEYS} keys of an app are
 * live at once, so a rotation has an overlap: create the new key, move the backends to it, revoke
 * the old one. Revocation takes effect at once, for the key and for every token issued to it.
 */
@Service
public class AppKeyManagement {

    public static final int MAX_LIVE_KEYS = 2;
    static final String COLUMNS = "id, app_id, name, scopes, status, created_at, revoked_at, last_used_at";
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();
    private final TenantDatabase database;
    private final AppManagement apps;
    private final AuditLog audit;

    public AppKeyManagement(TenantDatabase database, AppManagement apps, AuditLog audit) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
    }

    public List<AppKey> list(Actor.Member actor, AppId app) {
        actor.require(Permission.KEYS_READ);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return database.jdbc().sql("""
                             select %s
                               from app_keys where tenant_id = ? and app_id = ?
                             order by status, created_at desc""".formatted(COLUMNS))
                    .params(actor.tenantId().value(), app.value())
                    .query(AppKeyManagement::key)
                    .list();
        });
    }

    public AppKey get(Actor.Member actor, AppId app, String keyId) {
        actor.require(Permission.KEYS_READ);
        return database.inTenant(actor.tenantId(), () -> find(actor, app, keyId));
    }

    /**
     * Creates a key with {@code scopes} (all scopes when empty).
     *
     * @throws DomainException {@code conflict} when the app already has two live keys
     */
    public CreatedAppKey create(Actor.Member actor, AppId app, String name, List<String> scopes) {
        actor.require(Permission.KEYS_WRITE);
        String checkedName = name(name);
        List<String> checkedScopes = scopes(scopes);
        return database.inTenant(actor.tenantId(), () -> {
            lockApp(actor, app);
            CreatedAppKey created = insert(actor, app, checkedName, checkedScopes);
            audit.record(actor, "app_key.created", "app_key", created.key().id(),
                    Map.of("app", app.toString(), "name", checkedName, "scopes", checkedScopes));
            return created;
        });
    }

    /**
     * Starts a rotation: a new key with the same scopes, while the old one keeps working until it is
     * revoked.
     */
    public CreatedAppKey rotate(Actor.Member actor, AppId app, String keyId) {
        actor.require(Permission.KEYS_WRITE);
        return database.inTenant(actor.tenantId(), () -> {
            lockApp(actor, app);
            AppKey old = find(actor, app, keyId);
            if (old.status() != AppKey.Status.ACTIVE) {
                throw DomainException.conflict("Key " + keyId + " is revoked; create a new key instead");
            }
            CreatedAppKey created = insert(actor, app, rotatedName(old.name()), old.scopes());
            audit.record(actor, "app_key.rotated", "app_key", created.key().id(),
                    Map.of("app", app.toString(), "replaces", keyId));
            return created;
        });
    }

    /** Revokes the key; it and every access token issued to it are refused from now on. */
    public AppKey revoke(Actor.Member actor, AppId app, String keyId) {
        actor.require(Permission.KEYS_WRITE);
        return database.inTenant(actor.tenantId(), () -> {
            AppKey key = find(actor, app, keyId);
            if (key.status() == AppKey.Status.REVOKED) {
                return key;
            }
            database.jdbc().sql("""
                            update app_keys set status = 'REVOKED', revoked_at = now()
                             where tenant_id = ? and app_id = ? and id = ?""")
                    .params(actor.tenantId().value(), app.value(), keyId)
                    .update();
            audit.record(actor, "app_key.revoked", "app_key", keyId, Map.of("app", app.toString(), "name", key.name()));
            return find(actor, app, keyId);
        });
    }

    private CreatedAppKey insert(Actor.Member actor, AppId app, String name, List<String> scopes) {
        int live = database.jdbc().sql("""
                        select count(*) from app_keys where tenant_id = ? and app_id = ? and status = 'ACTIVE'""")
                .params(actor.tenantId().value(), app.value())
                .query(Integer.class)
                .single();
        if (live >= MAX_LIVE_KEYS) {
            throw DomainException.conflict("This app already has " + MAX_LIVE_KEYS
                    + " live keys; revoke the one you no longer use first");
        }
        String id = newKeyId();
        String secret = newSecret();
        database.jdbc().sql("""
                        insert into app_keys (tenant_id, app_id, id, name, secret_hash, scopes, status, created_by)
                        values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(actor.tenantId().value(), app.value(), id, name, AppKeySecrets.hash(secret),
                        scopes.toArray(String[]::new), actor.accountId().value())
                .update();
        return new CreatedAppKey(find(actor, app, id), secret);
    }

    private void lockApp(Actor.Member actor, AppId app) {
        database.jdbc().sql("select id from apps where tenant_id = ? and id = ? for update")
                .params(actor.tenantId().value(), app.value())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("App"));
    }

    private AppKey find(Actor.Member actor, AppId app, String keyId) {
        return database.jdbc().sql("select " + COLUMNS + " from app_keys where tenant_id = ? and app_id = ? and id = ?")
                .params(actor.tenantId().value(), app.value(), keyId)
                .query(AppKeyManagement::key)
                .optional()
                .orElseThrow(() -> DomainException.notFound("App key"));
    }

    private String newKeyId() {
        StringBuilder id = new StringBuilder("lk_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return "lks_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String rotatedName(String name) {
        String base = name.replaceFirst(" \\(rotated\\)$", "");
        String rotated = base + " (rotated)";
        return rotated.length() <= 100 ? rotated : base;
    }

    static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return "default";
        }
        String name = raw.strip();
        if (name.length() > 100) {
            throw DomainException.invalid("name must be at most 100 characters");
        }
        return name;
    }

    static List<String> scopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return AppKey.SCOPES;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (scope == null || !AppKey.SCOPES.contains(scope)) {
                throw DomainException.invalid("scopes must be taken from " + AppKey.SCOPES + "; got '" + scope + "'");
            }
            scopes.add(scope);
        }
        return new ArrayList<>(scopes);
    }

    static AppKey key(ResultSet rs, int row) throws SQLException {
        return new AppKey(
                rs.getString("id"),
                new AppId(rs.getObject("app_id", UUID.class)),
                rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("scopes").getArray()),
                AppKey.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant());
    }
}
