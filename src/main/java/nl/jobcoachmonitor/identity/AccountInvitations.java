package nl.jobcoachmonitor.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time link with which a new staff member sets their own password (the administrator never knows it): a
 * token of 256 random bits ({@link PersonalTokens}) of which only the SHA-256 hash is stored, valid for
 * {@code jcm.identity.invitation-valid-for} (7 days by default), used once; a new invitation deletes the account's
 * earlier open one (a used one stays, as the record that the user has set a password). The same link resets a forgotten
 * password: the administrator sends a new invitation. An unknown, used, expired or replaced token, and the invitation of
 * a blocked account, all find nothing.
 */
@Service
public class AccountInvitations {

    /** An open invitation: its id, the account's id and user name. */
    public record Invitation(long id, long userId, String username) {
    }

    /** A new invitation: the token (shown in the mail only, never stored) and when it stops working. */
    public record NewInvitation(String token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validFor;
    private final PersonalDataAccess access;

    AccountInvitations(JdbcClient jdbc, Clock clock, PersonalDataAccess access,
            @Value("${jcm.identity.invitation-valid-for:P7D}") Duration validFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.validFor = validFor;
    }

    /** A new invitation for the account, replacing any earlier open one (which stops working). */
    @Transactional
    public NewInvitation invite(long userId, Long invitedBy) {
        jdbc.sql("delete from account_invitation where user_id = :u and used_at is null").param("u", userId).update();
        String token = PersonalTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        jdbc.sql("""
                insert into account_invitation (user_id, token_hash, created_at, expires_at, created_by)
                values (:u, :h, :c, :e, :by)""")
                .param("u", userId).param("h", PersonalTokens.hash(token)).param("c", Timestamp.from(now))
                .param("e", Timestamp.from(expires)).param("by", invitedBy).update();
        return new NewInvitation(token, expires);
    }

    /**
     * Whether the account was created by invitation and its user has not set a password yet (an account with a used
     * invitation, or one made without any, such as the first administrator, has a password of its own).
     */
    @Transactional(readOnly = true)
    public boolean awaitingFirstPassword(long userId) {
        return jdbc.sql("""
                select count(*) from account_invitation where user_id = :u
                having count(used_at) = 0""").param("u", userId).query(Long.class).optional()
                .map(n -> n > 0).orElse(false);
    }

    /** The open invitation this token belongs to, if any (a malformed token is never looked up). */
    @Transactional(readOnly = true)
    public Optional<Invitation> exchange(String token) {
        if (!PersonalTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return find("i.token_hash = :key", PersonalTokens.hash(token));
    }

    /** The invitation by its id, while it is still open. */
    @Transactional(readOnly = true)
    public Optional<Invitation> open(long invitationId) {
        return find("i.id = :key", invitationId);
    }

    /**
     * Sets the account's password (already hashed) and uses the invitation up, in one transaction; false when the
     * invitation was no longer open (used meanwhile, expired, replaced, the account blocked). Logged as a change of the
     * account, by nobody signed in.
     */
    @Transactional
    public boolean accept(long invitationId, String passwordHash) {
        var invitation = open(invitationId);
        if (invitation.isEmpty()) {
            return false;
        }
        int used = jdbc.sql("update account_invitation set used_at = :now where id = :id and used_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", invitationId).update();
        if (used != 1) {
            return false;
        }
        jdbc.sql("update app_user set password_hash = :h, version = version + 1 where id = :u")
                .param("h", passwordHash).param("u", invitation.get().userId()).update();
        Long organisationId = jdbc.sql("select organisation_id from app_user where id = :u")
                .param("u", invitation.get().userId()).query(Long.class).optional().orElse(null);
        access.accountAdministered(AccessAction.CHANGE, invitation.get().userId() + ": password set by invitation",
                organisationId);
        return true;
    }

    private Optional<Invitation> find(String condition, Object key) {
        return jdbc.sql("""
                select i.id, i.user_id, u.username from account_invitation i join app_user u on u.id = i.user_id
                where %s and i.used_at is null and i.expires_at > :now and u.enabled = true""".formatted(condition))
                .param("key", key).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }
}
