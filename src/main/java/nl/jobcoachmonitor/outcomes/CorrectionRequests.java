package nl.jobcoachmonitor.outcomes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employee asks for a correction of their data (GDPR art. 16) from their own-data page: it reaches the coach of
 * their latest trajectory as a {@link SignalKind#CORRECTION_REQUESTED} signal on the caseload, with what they wrote.
 * Handling it with a note (what was corrected, or why not) resolves it; the indicator updates never resolve it.
 */
@Component
public class CorrectionRequests {

    public static final int TEXT_MAX = 1000;

    private final JdbcClient jdbc;
    private final PersonalDataAccess access;
    private final Clock clock;

    CorrectionRequests(JdbcClient jdbc, PersonalDataAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** What a request is about: the employee's details, one of their contacts or goals; null: something else. */
    public record About(String subject, long subjectId) {
    }

    /** An open request on a trajectory, for the coach who corrects from its page. */
    public record OpenRequest(long signalId, LocalDate raisedOn, String text, String subject, Long subjectId) {
    }

    /** Raises the signal on the employee's latest trajectory; the id of the signal. The caller knows the employee. */
    @Transactional
    public long request(long employeeId, String text) {
        return request(employeeId, text, null);
    }

    /**
     * Raises the signal, about one of the employee's own contacts or goals (on that trajectory), their details or
     * something else (on their latest trajectory); the id of the signal. A contact or goal of anyone else is refused
     * as unknown. The caller knows the employee.
     */
    @Transactional
    public long request(long employeeId, String text, About about) {
        String request = text == null ? "" : text.strip();
        if (request.isEmpty()) {
            throw new DomainRuleViolation("text", "owndata.correction.required");
        }
        if (request.length() > TEXT_MAX) {
            throw new DomainRuleViolation("text", "owndata.correction.tooLong");
        }
        String table = about == null ? null : switch (about.subject()) {
            case "CONTACT" -> "contact";
            case "GOAL" -> "goal";
            case "EMPLOYEE" -> null;
            default -> throw new DomainRuleViolation("about", "owndata.correction.about.unknown");
        };
        if (about != null && "EMPLOYEE".equals(about.subject()) && about.subjectId() != employeeId) {
            throw new DomainRuleViolation("about", "owndata.correction.about.unknown");
        }
        long trajectoryId = table == null
                ? jdbc.sql("select id from trajectory where employee_id = :e "
                        + "order by case when phase = 'CLOSED' then 1 else 0 end, started_on desc, id desc limit 1")
                        .param("e", employeeId).query(Long.class).single()
                : jdbc.sql("select x.trajectory_id from " + table + " x join trajectory t on t.id = x.trajectory_id "
                        + "where x.id = :id and t.employee_id = :e").param("id", about.subjectId())
                        .param("e", employeeId).query(Long.class).optional()
                        .orElseThrow(() -> new DomainRuleViolation("about", "owndata.correction.about.unknown"));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on, request_text, subject, subject_id) "
                + "values (:t, :k, :trigger, :on, :text, :subject, :subjectId)").param("t", trajectoryId)
                .param("subject", about == null ? null : about.subject())
                .param("subjectId", about == null ? null : about.subjectId())
                .param("k", SignalKind.CORRECTION_REQUESTED.name())
                .param("trigger", UUID.randomUUID().toString()).param("on", LocalDate.now(clock))
                .param("text", request).update(keys, "id");
        long id = keys.getKey().longValue();
        access.created("signal", id, employeeId);
        return id;
    }

    /** The open correction requests of a trajectory, oldest first; the caller has scoped the trajectory. */
    @Transactional(readOnly = true)
    public List<OpenRequest> open(long trajectoryId) {
        return jdbc.sql("select id, raised_on, request_text, subject, subject_id from signal where trajectory_id = :t "
                + "and kind = :k and handled_at is null and resolved_at is null order by raised_on, id")
                .param("t", trajectoryId).param("k", SignalKind.CORRECTION_REQUESTED.name())
                .query((rs, n) -> new OpenRequest(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, Long.class)))
                .list();
    }
}
