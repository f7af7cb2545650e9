package nl.jobcoachmonitor.measurement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Responses, one per wave and respondent (a unique constraint). Answers are stored as JSON text keyed by item code,
 * saved as the respondent goes; completing is a conditional update, so a response is completed exactly once.
 */
@Component
class Responses {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Responses(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Response(long id, long waveId, Respondent respondent, String instrumentCode, int instrumentVersion,
            Map<String, Object> answers, Instant startedAt, Instant completedAt, boolean enteredByCoach,
            Instant enteredAfterwardsAt) {

        boolean completed() {
            return completedAt != null;
        }

        /** Answered on paper and entered by the coach afterwards: then {@code completedAt} is the day it was answered. */
        boolean enteredAfterwards() {
            return enteredAfterwardsAt != null;
        }
    }

    Optional<Response> find(long waveId, Respondent respondent) {
        return jdbc.sql("select * from response where wave_id = :w and respondent = :r").param("w", waveId)
                .param("r", respondent.name()).query((rs, n) -> new Response(rs.getLong("id"), rs.getLong("wave_id"),
                        Respondent.valueOf(rs.getString("respondent")), rs.getString("instrument_code"),
                        rs.getInt("instrument_version"), read(rs.getString("answers")),
                        rs.getTimestamp("started_at").toInstant(),
                        instant(rs.getTimestamp("completed_at")), rs.getBoolean("entered_by_coach"),
                        instant(rs.getTimestamp("entered_afterwards_at"))))
                .optional();
    }

    List<Response> ofWaves(List<Long> waveIds) {
        if (waveIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, wave_id, respondent, instrument_code, instrument_version, started_at, completed_at, "
                + "entered_by_coach, entered_afterwards_at from response where wave_id in (:w)").param("w", waveIds)
                .query((rs, n) -> new Response(rs.getLong("id"), rs.getLong("wave_id"),
                        Respondent.valueOf(rs.getString("respondent")), rs.getString("instrument_code"),
                        rs.getInt("instrument_version"), Map.of(), rs.getTimestamp("started_at").toInstant(),
                        instant(rs.getTimestamp("completed_at")), rs.getBoolean("entered_by_coach"),
                        instant(rs.getTimestamp("entered_afterwards_at"))))
                .list();
    }

    /** The response of this wave and respondent, started now if there was none yet. */
    Response start(long waveId, Respondent respondent, Instrument instrument, Instant now) {
        var found = find(waveId, respondent);
        if (found.isPresent()) {
            return found.get();
        }
        // Started in another tab at the same moment: the unique constraint on (wave, respondent) keeps one response.
        jdbc.sql("insert into response (wave_id, respondent, instrument_code, instrument_version, answers, "
                + "started_at, entered_by_coach) values (:w, :r, :c, :v, '{}', :now, false) on conflict do nothing")
                .param("w", waveId).param("r", respondent.name()).param("c", instrument.code())
                .param("v", instrument.version()).param("now", Timestamp.from(now)).update();
        return find(waveId, respondent).orElseThrow();
    }

    /** Saves the answers so far; false when the response was completed in the meantime (nothing changes then). */
    boolean saveAnswers(long id, Map<String, Object> answers) {
        return jdbc.sql("update response set answers = :a, version = version + 1 where id = :id "
                + "and completed_at is null").param("a", write(answers)).param("id", id).update() == 1;
    }

    /** Completes the response; false when it was completed already (a second submit changes nothing). */
    boolean complete(long id, Map<String, Object> answers, Instant now) {
        return complete(id, answers, now, false);
    }

    /** As {@link #complete(long, Map, Instant)}; {@code enteredByCoach} marks answers the coach typed in for someone. */
    boolean complete(long id, Map<String, Object> answers, Instant now, boolean enteredByCoach) {
        return jdbc.sql("update response set answers = :a, completed_at = :now, entered_by_coach = :c, "
                + "version = version + 1 where id = :id and completed_at is null").param("a", write(answers))
                .param("now", Timestamp.from(now)).param("c", enteredByCoach).param("id", id).update() == 1;
    }

    /**
     * Completes the response with answers given on paper on an earlier day, entered by the coach now: completed at
     * {@code answeredAt} (the day it was answered), marked as entered by the coach and afterwards. False when it was
     * completed already (a questionnaire is entered once).
     */
    boolean completeAfterwards(long id, Map<String, Object> answers, Instant answeredAt, Instant now) {
        return jdbc.sql("update response set answers = :a, completed_at = :answered, entered_by_coach = true, "
                + "entered_afterwards_at = :now, version = version + 1 where id = :id and completed_at is null")
                .param("a", write(answers)).param("answered", Timestamp.from(answeredAt))
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answers", e);
        }
    }

    private String write(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
