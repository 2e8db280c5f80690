package io.linnet.messaging.user;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.SignInBans;
import io.linnet.messaging.UserId;
import io.linnet.messaging.UserSignedOut;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.appkey.TokenSigningKeys;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.beans.factory.ObjectProvider;
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
 * revoked, once its user is deleted, when its tenant is suspended, and while its user is banned
 * (moderation says so through the {@link SignInBans} port).
 */
@Service
public class UserTokens {

    private final TenantDatabase database;
    private final MessagingSettings settings;
    private final UserTokenCodec codec;
    private final ApplicationEventPublisher events;
    private final SignInBans bans;

    public UserTokens(TenantDatabase database, MessagingSettings settings, TokenSigningKeys signingKeys,
                      ApplicationEventPublisher events, ObjectProvider<SignInBans> bans) {
        this.database = database;
        this.settings = settings;
        this.events = events;
        this.bans = bans.getIfAvailable(() -> SignInBans.NONE);
        this.codec = new UserTokenCodec(signingKeys, Clock.systemUTC());
    }

    /**
     * Mints a token for an existing user.
     *
     * @param ttl how long it lives; empty for the configured default, at most the configured maximum
     */
    public UserToken mint(AppRef app, UserId userId, Optional<Duration> ttl) {
        Duration lifetime = ttl.orElse(settings.userTokenTtl());
        if (lifetime.compareTo(settings.userTokenMinTtl()) < 0 || lifetime.compareTo(settings.userTokenMaxTtl()) > 0) {
            throw DomainException.invalid("ttlSeconds must be between " + settings.userTokenMinTtl().toSeconds() + " and "
                    + settings.userTokenMaxTtl().toSeconds());
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

    /** A user token that passed every check, and when it expires (a connection it opened closes then). */
    public record VerifiedToken(UserPrincipal principal, Instant expiresAt) {
    }

    /**
     * Checks a token a client presented: empty unless it is a well-signed, unexpired user token
     * (not an app access token), issued after the user's last revocation, for a user who still
     * exists in an active tenant and is not banned by the app's moderators.
     */
    public Optional<UserPrincipal> verify(String token) {
        return verifyWithExpiry(token).map(VerifiedToken::principal);
    }

    /**
     * As {@link #verify}, with the token's expiry. The user's row and the tenant's status are read in
     * one transaction; the ban is asked last, of moderation, which answers from each node's copy of the
     * app's moderation.
     */
    public Optional<VerifiedToken> verifyWithExpiry(String token) {
        return codec.decode(token).filter(verified -> {
            UserPrincipal principal = verified.principal();
            boolean current = database.inActiveTenant(principal.tenantId(), () -> database.jdbc().sql("""
                            select count(*) from end_users
                             where tenant_id = ? and app_id = ? and user_id = ? and tokens_valid_after < ?""")
                    .params(principal.tenantId().value(), principal.appId().value(), principal.userId().value(),
                            verified.issued().atOffset(ZoneOffset.UTC))
                    .query(Integer.class)
                    .single() == 1).orElse(false);
            return current && !bans.banned(principal.app(), principal.userId());
        }).map(verified -> new VerifiedToken(verified.principal(), verified.expiresAt()));
    }
}
