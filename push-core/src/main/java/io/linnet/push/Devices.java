package io.linnet.push;

import io.linnet.messaging.UserId;
import io.linnet.messaging.UserManagement;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.AppManagement;
import io.linnet.tenancy.database.TenantDatabase;
import io.linnet.tenancy.outbound.OutboundGuard;
import io.linnet.tenancy.outbound.OutboundRefused;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * An app's devices. Registration is idempotent per (app, provider, token): registering a token again refreshes
 * its last-seen time, takes the new details, makes it valid again and moves it to the user who registered it
 * (a phone changed hands). Another app's devices, and another user's, are not found.
 */
@Service
public class Devices {

    /** The most devices a list answers: far more than one person has, few enough for one answer. */
    static final int LIST_LIMIT = 500;
    private static final String COLUMNS = """
            id, user_id, provider, token, environment, p256dh, auth, app_version, locale, created_at, last_seen_at,
            invalid_at, invalid_reason""";

    private final TenantDatabase database;
    private final AppManagement apps;
    private final UserManagement users;
    private final OutboundGuard endpoints;

    public Devices(TenantDatabase database, AppManagement apps, UserManagement users, OutboundGuard endpoints) {
        this.database = database;
        this.apps = apps;
        this.users = users;
        this.endpoints = endpoints;
    }

    /** The device after {@link #register}, and whether this registration created it. */
    public record Registered(Device device, boolean created) {
    }

    /**
     * Stores the device, or refreshes the one with the same token. A Web Push endpoint the server would not post to
     * (see {@link OutboundGuard}) is refused here, before anything is stored.
     */
    public Registered register(AppRef app, UserId user, DeviceRegistration registration) {
        if (registration.provider() == PushProvider.WEBPUSH) {
            checkEndpoint(registration.token());
        }
        return database.inTenant(app.tenantId(), () -> {
            requireUser(app, user);
            return database.jdbc().sql("""
                            insert into push_devices (tenant_id, app_id, id, user_id, provider, token, environment, p256dh,
                                                      auth, app_version, locale)
                            values (:tenant, :app, :id, :user, :provider, :token, :environment, :p256dh, :auth,
                                    :appVersion, :locale)
                            on conflict (tenant_id, app_id, provider, token) do update
                               set user_id = excluded.user_id, environment = excluded.environment,
                                   p256dh = excluded.p256dh, auth = excluded.auth, app_version = excluded.app_version,
                                   locale = excluded.locale, last_seen_at = now(), invalid_at = null,
                                   invalid_reason = null
                            returning (xmax = 0) as created, %s""".formatted(COLUMNS))
                    .param("tenant", app.tenantId().value())
                    .param("app", app.appId().value())
                    .param("id", Ids.next())
                    .param("user", user.value())
                    .param("provider", registration.provider().wireName())
                    .param("token", registration.token())
                    .param("environment", registration.environment().orElse(null))
                    .param("p256dh", registration.p256dh().orElse(null))
                    .param("auth", registration.auth().orElse(null))
                    .param("appVersion", registration.appVersion().orElse(null))
                    .param("locale", registration.locale().orElse(null))
                    .query((rs, row) -> new Registered(device(rs, row), rs.getBoolean("created")))
                    .single();
        });
    }

    private void checkEndpoint(String endpoint) {
        try {
            endpoints.check(URI.create(endpoint));
        } catch (OutboundRefused refused) {
            throw DomainException.invalid("subscription.endpoint " + refused.getMessage());
        }
    }

    /** The user's devices, most recently seen first, the invalid ones included (they say why). */
    public List<Device> list(AppRef app, UserId user) {
        return database.inTenant(app.tenantId(), () -> {
            requireUser(app, user);
            return ofUser(app, user);
        });
    }

    public void delete(AppRef app, UserId user, DeviceId id) {
        database.runInTenant(app.tenantId(), () -> {
            int deleted = database.jdbc().sql("""
                            delete from push_devices where tenant_id = ? and app_id = ? and user_id = ? and id = ?""")
                    .params(app.tenantId().value(), app.appId().value(), user.value(), id.value())
                    .update();
            if (deleted == 0) {
                throw DomainException.notFound("Device");
            }
        });
    }

    /** The console's device look-up: a user's devices, for members who may see push settings. */
    public List<Device> ofUser(Actor.Member actor, AppId appId, UserId user) {
        actor.require(Permission.PUSH_CREDENTIALS_READ);
        AppRef app = new AppRef(actor.tenantId(), appId);
        return database.inTenant(actor.tenantId(), () -> {
            apps.find(actor.tenantId(), appId);
            requireUser(app, user);
            return ofUser(app, user);
        });
    }

    private List<Device> ofUser(AppRef app, UserId user) {
        return database.jdbc().sql("""
                        select %s from push_devices where tenant_id = ? and app_id = ? and user_id = ?
                         order by last_seen_at desc, id limit ?""".formatted(COLUMNS))
                .params(app.tenantId().value(), app.appId().value(), user.value(), LIST_LIMIT)
                .query(Devices::device)
                .list();
    }

    private void requireUser(AppRef app, UserId user) {
        if (!users.exists(app, user)) {
            throw DomainException.notFound("User");
        }
    }

    private static Device device(ResultSet rs, int row) throws SQLException {
        PushProvider provider = PushProvider.of(rs.getString("provider"));
        boolean webPush = provider == PushProvider.WEBPUSH;
        Timestamp invalidAt = rs.getTimestamp("invalid_at");
        return new Device(
                new DeviceId(rs.getObject("id", UUID.class)),
                new UserId(rs.getString("user_id")),
                provider,
                webPush ? null : rs.getString("token"),
                webPush ? new Device.Subscription(rs.getString("token"),
                        new Device.Keys(rs.getString("p256dh"), rs.getString("auth"))) : null,
                rs.getString("environment"),
                rs.getString("app_version"),
                rs.getString("locale"),
                invalidAt == null,
                invalidAt == null ? null : invalidAt.toInstant(),
                rs.getString("invalid_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant());
    }
}
