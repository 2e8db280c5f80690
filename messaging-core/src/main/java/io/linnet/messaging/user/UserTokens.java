package io.linnet.messaging.user;

import io.linnet.messaging.AppRef;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserSignedOut;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.appkey.TokenSigningKeys;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * User tokens: what an end user's client authenticates with. The developer's backend mints them
 * ({@link #mint}) and revokes all of a user's at once ({@link #revoke}); the real-time gateway
 * checks them ({@link #verify}). A token names tenant, app and user and expires; it is void once
 * revoked, once its user is deleted, and when its tenant is suspended.
 */
@Service
public class UserTokens {

    private final TenantDatabase database;
    private final MessagingSettings settings;
    private final UserTokenCodec codec;
    private final ApplicationEventPublisher events;

    public UserTokens(TenantDatabase database, MessagingSettings settings,
                      TokenSigningKeys signingKeys, ApplicationEventPublisher events) {
        this.database = database;
        this.settings = settings;
        this.events = events;
        this.codec = new UserTokenCodec(signingKeys, Clock.systemUTC());
    }

    /**
     * Mints a token for an existing user.
     *
     * @param ttl how long it lives; empty for the configured default, at most the configured maximum
     */
    public UserToken mint(AppRef app, UserId userId, Optional<Duration> ttl) {
        Duration lifetime = ttl.orElse(settings.userTokenTtl());
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(settings.userTokenMaxTtl()) > 0) {
            throw DomainException.invalid("ttlSeconds must be between 60 and " + settings.userTokenMaxTtl().toSeconds());
        }
        Instant issued = database.inTenant(app.tenantId(), () -> database.jdbc().sql("""
                        select clock_timestamp() from end_users
                         where tenant_id = ? and app_id = ? and user_id = ?""")
                .params(app.tenantId().value(), app.appId().value(), userId.value())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional()
                .orElseThrow(() -> DomainException.notFound("User")));
        return codec.encode(new UserPrincipal(app.tenantId(), app.appId(), userId), issued, lifetime);
    }

    /** Voids every token the user was given so far (their live connections close); tokens minted afterwards work. */
    public void revoke(AppRef app, UserId userId) {
        database.runInTenant(app.tenantId(), () -> {
            int updated = database.jdbc().sql("""
                            update end_users set tokens_valid_after = clock_timestamp()
                             where tenant_id = ? and app_id = ? and user_id = ?""")
                    .params(app.tenantId().value(), app.appId().value(), userId.value())
                    .update();
            if (updated == 0) {
                throw DomainException.notFound("User");
            }
            events.publishEvent(new UserSignedOut(app, userId));
        });
    }

    /**
     * Checks a token a client presented: empty unless it is a well-signed, unexpired user token
     * (not an app access token), issued after the user's last revocation, for a user who still
     * exists in an active tenant and is not banned by the app's moderators.
     */
    public Optional<UserPrincipal> verify(String token) {
        return codec.decode(token).filter(verified -> {
            UserPrincipal principal = verified.principal();
            return database.inTenant(principal.tenantId(), () -> database.jdbc().sql("""
                            select count(*) from end_users u join tenants t on t.id = u.tenant_id
                             where u.tenant_id = ? and u.app_id = ? and u.user_id = ?
                               and t.status = 'ACTIVE' and u.tokens_valid_after < ?
                               and not exists (select 1 from moderation_restrictions r
                                                where r.tenant_id = u.tenant_id and r.app_id = u.app_id
                                                  and r.user_id = u.user_id and r.kind = 'ban' and r.lifted_at is null
                                                  and (r.expires_at is null or r.expires_at > now()))""")
                    .params(principal.tenantId().value(), principal.appId().value(), principal.userId().value(),
                            verified.issued().atOffset(ZoneOffset.UTC))
                    .query(Integer.class)
                    .single() == 1);
        }).map(UserTokenCodec.Verified::principal);
    }
}
