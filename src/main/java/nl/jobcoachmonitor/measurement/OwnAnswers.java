package nl.jobcoachmonitor.measurement;

import java.util.List;

import nl.jobcoachmonitor.identity.PersonalDataAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's own completed questionnaires, for the own-data page and download (the employee's right of access).
 * The caller has established who the employee is (their own-data link); every response read is logged.
 */
@Component
public class OwnAnswers {

    private final JdbcClient jdbc;
    private final Responses responses;
    private final Instruments instruments;
    private final PersonalDataAccess access;

    OwnAnswers(JdbcClient jdbc, Responses responses, Instruments instruments, PersonalDataAccess access) {
        this.jdbc = jdbc;
        this.responses = responses;
        this.instruments = instruments;
        this.access = access;
    }

    /** Every completed questionnaire the employee answered (not the coach's or the employer's), oldest first. */
    @Transactional(readOnly = true)
    public List<MeasurementManagement.CompletedResponse> of(long employeeId) {
        record Found(long trajectoryId, long waveId, String code) {
        }
        var waves = jdbc.sql("""
                select w.trajectory_id, w.id, w.code from measurement_wave w join trajectory t on t.id = w.trajectory_id
                join response r on r.wave_id = w.id and r.respondent = 'EMPLOYEE' and r.completed_at is not null
                where t.employee_id = :e order by r.completed_at, w.id""")
                .param("e", employeeId)
                .query((rs, n) -> new Found(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        return waves.stream().map(w -> {
            var response = responses.find(w.waveId(), Respondent.EMPLOYEE).orElseThrow();
            access.read("response", response.id(), employeeId);
            return new MeasurementManagement.CompletedResponse(w.trajectoryId(), w.code(), Respondent.EMPLOYEE,
                    instruments.get(response.instrumentCode(), response.instrumentVersion()), response.answers(),
                    response.completedAt(), response.enteredByCoach());
        }).toList();
    }
}
