package nl.jobcoachmonitor.outcomes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
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

    /** Raises the signal on the employee's latest trajectory; the id of the signal. The caller knows the employee. */
    @Transactional
    public long request(long employeeId, String text) {
        String request = text == null ? "" : text.strip();
        if (request.isEmpty()) {
            throw new DomainRuleViolation("text", "owndata.correction.required");
        }
        if (request.length() > TEXT_MAX) {
            throw new DomainRuleViolation("text", "owndata.correction.tooLong");
        }
        long trajectoryId = jdbc.sql("select id from trajectory where employee_id = :e "
                + "order by case when phase = 'CLOSED' then 1 else 0 end, started_on desc, id desc limit 1")
                .param("e", employeeId).query(Long.class).single();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on, request_text) "
                + "values (:t, :k, :trigger, :on, :text)").param("t", trajectoryId)
                .param("k", SignalKind.CORRECTION_REQUESTED.name())
                .param("trigger", UUID.randomUUID().toString()).param("on", LocalDate.now(clock))
                .param("text", request).update(keys, "id");
        long id = keys.getKey().longValue();
        access.created("signal", id, employeeId);
        return id;
    }
}
