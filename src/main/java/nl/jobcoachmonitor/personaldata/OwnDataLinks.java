package nl.jobcoachmonitor.personaldata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import nl.jobcoachmonitor.identity.PersonalTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Personal own-data links ({@code own_data_link}, migration V16): the token ({@link PersonalTokens}) is shown once to
 * the coach and never stored, only its SHA-256 hash. A link works until it expires; a new link for the same employee
 * revokes the previous one.
 */
@Component
class OwnDataLinks {

    private final JdbcClient jdbc;

    OwnDataLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Link(long id, long employeeId, long trajectoryId, Instant expiresAt) {
    }

    record Created(long id, String token, Instant expiresAt) {
    }

    Created create(long employeeId, long trajectoryId, Long createdBy, Instant now, Instant expiresAt) {
        jdbc.sql("update own_data_link set revoked_at = :now where employee_id = :e and revoked_at is null")
                .param("now", Timestamp.from(now)).param("e", employeeId).update();
        String token = PersonalTokens.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into own_data_link (employee_id, trajectory_id, token_hash, created_at, created_by, expires_at) "
                + "values (:e, :t, :h, :now, :by, :until)").param("e", employeeId).param("t", trajectoryId)
                .param("h", PersonalTokens.hash(token)).param("now", Timestamp.from(now)).param("by", createdBy)
                .param("until", Timestamp.from(expiresAt)).update(keys, "id");
        return new Created(keys.getKey().longValue(), token, expiresAt);
    }

    /** The working link with this token; empty for unknown, revoked, expired, malformed or tampered tokens alike. */
    Optional<Link> find(String token, Instant now) {
        if (!PersonalTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return query("token_hash = :key", PersonalTokens.hash(token), now);
    }

    /** The link of a session, while it still works (an employee whose data were erased has no link any more). */
    Optional<Link> active(long id, Instant now) {
        return query("id = :key", id, now);
    }

    private Optional<Link> query(String where, Object key, Instant now) {
        return jdbc.sql("select l.id, l.employee_id, l.trajectory_id, l.expires_at from own_data_link l "
                + "join employee e on e.id = l.employee_id where l." + where + " and l.revoked_at is null "
                + "and l.expires_at > :now and e.erased_at is null")
                .param("key", key).param("now", Timestamp.from(now))
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Part of erasing the employee: their links go. */
    void deleteOf(long employeeId) {
        jdbc.sql("delete from own_data_link where employee_id = :e").param("e", employeeId).update();
    }
}
