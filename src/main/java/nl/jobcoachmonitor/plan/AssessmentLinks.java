package nl.jobcoachmonitor.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.identity.PersonalTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Personal assessment links ({@code assessment_link}, migration V20): the token ({@link PersonalTokens}) is shown once
 * and never stored, only its SHA-256 hash. A link works once, until it expires, while its report is a draft and its
 * employee is not erased; a new link for the same report and respondent revokes the previous one.
 */
@Component
public class AssessmentLinks {

    private final JdbcClient jdbc;

    AssessmentLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A working link: whose assessment (employee or employer contact), for which draft report of which trajectory. */
    public record Link(long id, long reportId, long trajectoryId, long employeeId, OnBehalfOf respondent) {
    }

    public record Created(long id, String token, Instant expiresAt) {
    }

    Created create(long reportId, OnBehalfOf respondent, long createdBy, Instant now, Instant expiresAt) {
        jdbc.sql("update assessment_link set revoked_at = :now where report_id = :r and respondent = :p "
                + "and revoked_at is null and used_at is null")
                .param("now", Timestamp.from(now)).param("r", reportId).param("p", respondent.name()).update();
        String token = PersonalTokens.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into assessment_link (report_id, respondent, token_hash, created_at, created_by, expires_at) "
                + "values (:r, :p, :h, :now, :by, :until)").param("r", reportId).param("p", respondent.name())
                .param("h", PersonalTokens.hash(token)).param("now", Timestamp.from(now)).param("by", createdBy)
                .param("until", Timestamp.from(expiresAt)).update(keys, "id");
        return new Created(keys.getKey().longValue(), token, expiresAt);
    }

    /** The working link with this token; empty for unknown, used, revoked, expired or malformed tokens alike. */
    Optional<Link> find(String token, Instant now) {
        if (!PersonalTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return query("token_hash = :key", PersonalTokens.hash(token), now);
    }

    /** The link of a session, while it still works. */
    Optional<Link> active(long id, Instant now) {
        return query("id = :key", id, now);
    }

    private Optional<Link> query(String where, Object key, Instant now) {
        return jdbc.sql("select l.id, l.report_id, r.trajectory_id, t.employee_id, l.respondent "
                + "from assessment_link l join accountability_report r on r.id = l.report_id "
                + "join trajectory t on t.id = r.trajectory_id join employee e on e.id = t.employee_id "
                + "where l." + where + " and l.revoked_at is null and l.used_at is null and l.expires_at > :now "
                + "and r.signed_at is null and e.erased_at is null")
                .param("key", key).param("now", Timestamp.from(now))
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        OnBehalfOf.valueOf(rs.getString(5))))
                .optional();
    }

    /** The newest link per respondent of a report: when made, until when, and whether and when answered. */
    public record State(OnBehalfOf respondent, Instant createdAt, Instant expiresAt, Instant usedAt) {
    }

    List<State> states(long reportId) {
        return jdbc.sql("select respondent, created_at, expires_at, used_at from assessment_link l "
                + "where report_id = :r and revoked_at is null order by respondent, created_at")
                .param("r", reportId)
                .query((rs, n) -> new State(OnBehalfOf.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4) == null ? null
                                : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Marks the link used; false if it was used (or revoked) meanwhile, so that an answer is stored only once. */
    boolean use(long id, Instant now) {
        return jdbc.sql("update assessment_link set used_at = :now where id = :id and used_at is null "
                + "and revoked_at is null").param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }
}
