package nl.jobcoachmonitor.measurement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Personal questionnaire links. The token is 256 random bits from {@link SecureRandom}, shown once to the coach and
 * never stored: the database keeps only its SHA-256 hash. A new link for the same wave and respondent revokes the
 * previous one.
 */
@Component
class QuestionnaireLinks {

    static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

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
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
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
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
