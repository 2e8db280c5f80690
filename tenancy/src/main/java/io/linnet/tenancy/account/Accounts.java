package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.TenantId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts table. Each statement runs on whichever path the caller is in: a tenant's transaction
 * (row-level security applies) or the platform path.
 */
final class Accounts {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Accounts() {
    }

    static final String MEMBER_COLUMNS = "id, email, display_name, role, status, created_at, last_login_at";

    static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(
                new AccountId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Member.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_login_at")));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Inserts an account. An address appears once per tenant, and is active in one account at most
     * across the platform; an invitation may name an address that another tenant holds (see
     * {@link InvitationAcceptance}), so an inviter cannot learn whether it is in use elsewhere.
     */
    static Member insert(JdbcClient jdbc, Optional<TenantId> tenant, String email, String displayName, Role role,
                         String passwordHash, String invitationHash) {
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            insert into accounts (id, tenant_id, email, display_name, password_hash, role, status,
                                                  invitation_hash, invitation_expires_at)
                            values (:id, :tenant, :email, :name, :hash, :role, :status, :invitation, :expires)""")
                    .param("id", id)
                    .param("tenant", tenant.map(TenantId::value).orElse(null))
                    .param("email", email)
                    .param("name", displayName)
                    .param("hash", passwordHash)
                    .param("role", role.name())
                    .param("status", passwordHash == null ? "INVITED" : "ACTIVE")
                    .param("invitation", invitationHash)
                    .param("expires", invitationHash == null ? null : Timestamp.from(Instant.now().plus(INVITATION_VALIDITY)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("An account with the e-mail address " + email + " already exists");
        }
        return jdbc.sql("select " + MEMBER_COLUMNS + " from accounts where id = ?").param(id).query(Accounts::member).single();
    }

    static String newInvitationToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Invitation tokens are 256 random bits, so a plain SHA-256 is a sufficient one-way store. */
    static String hashToken(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
