package io.linnet.tenancy.account;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal access tokens: each console account creates, lists and revokes its own. A member's
 * tokens live in the tenant (row-level security applies); an operator's on the platform path.
 */
@Service
public class PersonalAccessTokens {

    public static final String PREFIX = "lpat_";
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final String COLUMNS = "id, name, created_at, expires_at, last_used_at, revoked_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountScope scope;
    private final PlatformDatabase platform;
    private final AuditLog audit;

    PersonalAccessTokens(AccountScope scope, PlatformDatabase platform, AuditLog audit) {
        this.scope = scope;
        this.platform = platform;
        this.audit = audit;
    }

    /** Creates a token for the actor's own account; {@code lifetime} empty means it does not expire. */
    public PersonalAccessToken.Created create(Actor actor, String name, Optional<Duration> lifetime) {
        String checkedName = name == null || name.isBlank() ? "token" : name.strip();
        if (checkedName.length() > 100) {
            throw DomainException.invalid("name must be at most 100 characters");
        }
        lifetime.ifPresent(ttl -> {
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_LIFETIME) > 0) {
                throw DomainException.invalid("expiresInDays must be between 1 and " + MAX_LIFETIME.toDays());
            }
        });
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = Ids.next();
        return scope.run(actor, jdbc -> {
            jdbc.sql("""
                            insert into access_tokens (tenant_id, id, account_id, name, token_hash, expires_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(tenantOf(actor), id, actor.accountId().value(), checkedName, Accounts.hashToken(value),
                            lifetime.map(ttl -> Timestamp.from(Instant.now().plus(ttl))).orElse(null))
                    .update();
            record(actor, "access_token.created", id, checkedName);
            return new PersonalAccessToken.Created(find(jdbc, actor, id), value);
        });
    }

    public List<PersonalAccessToken> list(Actor actor) {
        return scope.run(actor, jdbc -> jdbc.sql("""
                         select %s
                           from access_tokens where account_id = ? order by created_at desc""".formatted(COLUMNS))
                .param(actor.accountId().value())
                .query(PersonalAccessTokens::token)
                .list());
    }

    public PersonalAccessToken revoke(Actor actor, UUID id) {
        return scope.run(actor, jdbc -> {
            PersonalAccessToken token = find(jdbc, actor, id);
            if (token.revokedAt() == null) {
                jdbc.sql("update access_tokens set revoked_at = now() where account_id = ? and id = ?")
                        .params(actor.accountId().value(), id)
                        .update();
                record(actor, "access_token.revoked", id, token.name());
            }
            return find(jdbc, actor, id);
        });
    }

    /**
     * The account a token signs in, as it is now; empty when the token is unknown, revoked or
     * expired, or its account or tenant is no longer active. Runs before the tenant is known.
     */
    public Optional<ConsoleUser> authenticate(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
            return Optional.empty();
        }
        return platform.jdbc().sql("""
                        with live as (
                            select p.id, a.id as account_id, a.tenant_id, a.email, a.role,
                                   a.status = 'ACTIVE' and (a.tenant_id is null or t.status = 'ACTIVE') as enabled
                              from access_tokens p
                              join accounts a on a.id = p.account_id
                              left join tenants t on t.id = a.tenant_id
                             where p.token_hash = :hash and p.revoked_at is null
                               and (p.expires_at is null or p.expires_at > now())),
                        used as (
                            update access_tokens p set last_used_at = now() from live
                             where p.id = live.id and (p.last_used_at is null or p.last_used_at < now() - interval '1 minute'))
                        select account_id, tenant_id, email, role, enabled from live""")
                .param("hash", Accounts.hashToken(value))
                .query((rs, row) -> new ConsoleUser(rs.getObject("account_id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("email"), null, Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .optional()
                .filter(ConsoleUser::isEnabled);
    }

    private PersonalAccessToken find(JdbcClient jdbc, Actor actor, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from access_tokens where account_id = ? and id = ?")
                .params(actor.accountId().value(), id)
                .query(PersonalAccessTokens::token)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Access token"));
    }

    private void record(Actor actor, String action, UUID id, String name) {
        audit.recordOwn(actor, action, "access_token", id.toString(), Map.of("name", name));
    }

    private static UUID tenantOf(Actor actor) {
        return actor instanceof Actor.Member member ? member.tenantId().value() : null;
    }

    private static PersonalAccessToken token(ResultSet rs, int row) throws SQLException {
        return new PersonalAccessToken(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), Accounts.instant(rs.getTimestamp("expires_at")),
                Accounts.instant(rs.getTimestamp("last_used_at")), Accounts.instant(rs.getTimestamp("revoked_at")));
    }
}
