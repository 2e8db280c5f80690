package io.linnet.moderation;

import io.linnet.moderation.screening.ModerationStates;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.outbound.OutboundGuard;
import io.linnet.tenancy.outbound.OutboundRefused;
import io.linnet.tenancy.secret.SecretCipher;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * An app's pre-send hook as its admins set it up: the URL, how long to wait, and what to do when
 * the hook does not answer in time (fail open: deliver; fail closed: block). The signing secret is
 * generated here, shown once when it is made (the tenant needs it to check our signature and to
 * sign its answers), and stored encrypted.
 */
@Service
public class PreSendHookConfig {

    /** An app's hook as shown: never its secret. */
    public record Hook(String url, int timeoutMillis, PreSendHookSettings.FailurePolicy onFailure, Instant updatedAt) {
    }

    /** A saved hook, with its secret when this save made a new one (shown this once). */
    public record SavedHook(Hook hook, Optional<String> secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDatabase database;
    private final AppManagement apps;
    private final AuditLog audit;
    private final SecretCipher cipher;
    private final ModerationStates states;
    private final ModerationSettings settings;
    private final OutboundGuard urls;

    PreSendHookConfig(TenantDatabase database, AppManagement apps, AuditLog audit, SecretCipher cipher,
                      ModerationStates states, ModerationSettings settings) {
        this.database = database;
        this.apps = apps;
        this.audit = audit;
        this.cipher = cipher;
        this.states = states;
        this.settings = settings;
        this.urls = new OutboundGuard(settings.allowInsecureHooks());
    }

    public Optional<Hook> get(Actor.Member actor, AppId app) {
        actor.require(Permission.MODERATION);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            return find(new AppRef(actor.tenantId(), app));
        });
    }

    /**
     * Sets the hook up or changes it. A new hook gets a new secret; a changed one keeps its secret
     * unless {@code newSecret} asks for another.
     */
    public SavedHook save(Actor.Member actor, AppId app, String url, Integer timeoutMillis, String onFailure, boolean newSecret) {
        actor.require(Permission.MODERATION);
        String candidate = newSecret();
        PreSendHookSettings checked = PreSendHookSettings.checked(url, candidate, timeoutMillis, onFailure,
                settings.allowInsecureHooks());
        try {
            // what the host resolves to now; it is checked again on every call, as a name may resolve elsewhere later
            urls.check(checked.url());
        } catch (OutboundRefused refused) {
            throw DomainException.invalid("url " + refused.getMessage());
        }
        AppRef ref = new AppRef(actor.tenantId(), app);
        SavedHook saved = database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            boolean exists = find(ref).isPresent();
            Optional<String> secret = exists && !newSecret ? Optional.empty() : Optional.of(candidate);
            if (secret.isPresent()) {
                database.jdbc().sql("""
                                insert into moderation_hooks (tenant_id, app_id, url, secret, timeout_millis, on_failure)
                                values (?, ?, ?, ?, ?, ?)
                                on conflict (tenant_id, app_id) do update
                                   set url = excluded.url, secret = excluded.secret, timeout_millis = excluded.timeout_millis,
                                       on_failure = excluded.on_failure, updated_at = now()""")
                        .params(ref.tenantId().value(), app.value(), checked.url().toString(), cipher.encrypt(secret.get()),
                                (int) checked.timeout().toMillis(), checked.onFailure().wireName())
                        .update();
            } else {
                database.jdbc().sql("""
                                update moderation_hooks set url = ?, timeout_millis = ?, on_failure = ?, updated_at = now()
                                 where tenant_id = ? and app_id = ?""")
                        .params(checked.url().toString(), (int) checked.timeout().toMillis(), checked.onFailure().wireName(),
                                ref.tenantId().value(), app.value())
                        .update();
            }
            audit.record(actor, exists ? "moderation.hook.updated" : "moderation.hook.created", "moderation_hook",
                    app.toString(), Map.of("url", checked.url().toString(), "timeoutMillis", checked.timeout().toMillis(),
                            "onFailure", checked.onFailure().wireName(), "newSecret", secret.isPresent()));
            return new SavedHook(find(ref).orElseThrow(), secret);
        });
        states.changed(ref);
        return saved;
    }

    /** Removes the hook: sends are no longer sent to it. */
    public void remove(Actor.Member actor, AppId app) {
        actor.require(Permission.MODERATION);
        AppRef ref = new AppRef(actor.tenantId(), app);
        database.runInTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), app);
            int removed = database.jdbc().sql("delete from moderation_hooks where tenant_id = ? and app_id = ?")
                    .params(ref.tenantId().value(), app.value())
                    .update();
            if (removed == 0) {
                throw DomainException.notFound("Pre-send hook");
            }
            audit.record(actor, "moderation.hook.removed", "moderation_hook", app.toString(), Map.of());
        });
        states.changed(ref);
    }

    private Optional<Hook> find(AppRef app) {
        return database.jdbc().sql("""
                        select url, timeout_millis, on_failure, updated_at from moderation_hooks
                         where tenant_id = ? and app_id = ?""")
                .params(app.tenantId().value(), app.appId().value())
                .query((rs, row) -> new Hook(rs.getString("url"), rs.getInt("timeout_millis"),
                        PreSendHookSettings.FailurePolicy.of(rs.getString("on_failure")),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
