package nl.jobcoachmonitor.measurement;

import java.time.Instant;
import java.util.Optional;

import nl.jobcoachmonitor.identity.PersonalTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Personal questionnaire links. The token ({@link PersonalTokens}) is shown once to the coach and never stored: the
 * database keeps only its SHA-256 hash. A new link for the same wave and respondent revokes the
 * previous one.
 */
@Component
class QuestionnaireLinks {

    private final JdbcClient jdbc;

    QuestionnaireLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Link(long id, long waveId, Respondent respondent, Long personId) {
    }

    record Created(long id, String token) {
    }

    /** A new link; {@code createdBy} is the staff member who asked for it, null when the reminder job did. */
    Created create(long waveId, Respondent respondent, Long personId, Long createdBy, Instant now) {
        jdbc.sql("update questionnaire_link set revoked_at = :now where wave_id = :w and respondent = :r "
                + "and revoked_at is null").param("now", java.sql.Timestamp.from(now)).param("w", waveId)
                .param("r", respondent.name()).update();
        String token = PersonalTokens.newToken();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into questionnaire_link (wave_id, respondent, person_id, token_hash, created_at, "
                + "created_by) values (:w, :r, :p, :h, :now, :by)").param("w", waveId).param("r", respondent.name())
                .param("p", personId)
                .param("h", hash(token)).param("now", java.sql.Timestamp.from(now)).param("by", createdBy)
                .update(keys, "id");
        return new Created(keys.getKey().longValue(), token);
    }

    /** The active link with this token; empty for unknown, revoked, malformed or tampered tokens alike. */
    Optional<Link> find(String token) {
        if (!PersonalTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, wave_id, respondent, person_id from questionnaire_link where token_hash = :h "
                + "and revoked_at is null").param("h", hash(token))
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), Respondent.valueOf(rs.getString(3)),
                        rs.getObject(4, Long.class)))
                .optional();
    }

    Optional<Link> active(long id) {
        return jdbc.sql("select id, wave_id, respondent, person_id from questionnaire_link where id = :id and revoked_at is null")
                .param("id", id)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), Respondent.valueOf(rs.getString(3)),
                        rs.getObject(4, Long.class)))
                .optional();
    }

    static String hash(String token) {
        return PersonalTokens.hash(token);
    }
}
