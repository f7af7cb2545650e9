package nl.jobcoachmonitor.trajectory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trajectory module's part of erasing a person: what identifies the employee (name, e-mail, phone, exact birth
 * date) and their jobs (job titles, notes on job changes). What the statistics need stays: the trajectories with their
 * phases, dates, employer, contract hours and type, and a birth date that gives the same age in whole years at the
 * start of coaching in the latest trajectory (day and month are not kept), so the age band of the study report is unchanged.
 * The old and new values in the correction history of the person ({@link CorrectionLog}) are erased too.
 */
@Component
public class EmployeeErasure {

    /** What an erased name reads as. */
    public static final String ERASED = "—";

    private final JdbcClient jdbc;

    EmployeeErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An employee as the erasure needs them: their trajectories, whether one still runs, and whether erased. */
    public record Subject(long employeeId, List<Long> trajectoryIds, boolean running, Instant erasedAt,
            LocalDate lastClosedOn) {
    }

    public Optional<Subject> subject(long employeeId) {
        var erasedAt = jdbc.sql("select erased_at from employee where id = :e").param("e", employeeId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional();
        if (erasedAt.isEmpty()) {
            return Optional.empty();
        }
        record Row(long id, String phase, LocalDate closedOn) {
        }
        var rows = jdbc.sql("select id, phase, closed_on from trajectory where employee_id = :e order by id")
                .param("e", employeeId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
        boolean running = rows.stream().anyMatch(r -> !TrajectoryPhase.CLOSED.name().equals(r.phase()));
        LocalDate lastClosed = rows.stream().map(Row::closedOn).filter(d -> d != null).max(LocalDate::compareTo)
                .orElse(null);
        return Optional.of(new Subject(employeeId, rows.stream().map(Row::id).toList(), running,
                erasedAt.get().orElse(null), lastClosed));
    }

    /**
     * Employees not yet erased whose trajectories are all closed, the last one on or before {@code closedOnOrBefore}.
     */
    public List<Long> due(LocalDate closedOnOrBefore) {
        return jdbc.sql("""
                select e.id from employee e join trajectory t on t.employee_id = e.id
                where e.erased_at is null
                group by e.id
                having sum(case when t.phase = 'CLOSED' then 0 else 1 end) = 0 and max(t.closed_on) <= :last
                order by e.id""").param("last", closedOnOrBefore).query(Long.class).list();
    }

    /**
     * Erases the employee's identifying data, inside the caller's transaction. The employee row itself is the last
     * statement, so an erasure that fails on it has changed nothing once the transaction rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(Subject subject, Instant now) {
        if (subject.running()) {
            throw new IllegalStateException("employee " + subject.employeeId() + " has a running trajectory");
        }
        var ids = subject.trajectoryIds();
        if (!ids.isEmpty()) {
            jdbc.sql("update trajectory set job_title = null, client_number = null, case_number = null, "
                    + "version = version + 1 where id in (:t)")
                    .param("t", ids).update();
            jdbc.sql("update job_change set job_title = null, note = null where trajectory_id in (:t)")
                    .param("t", ids).update();
        }
        // the correction history keeps who corrected what and when, not the values
        jdbc.sql("update correction set old_value = null, new_value = null where employee_id = :e")
                .param("e", subject.employeeId()).update();
        // The study report takes the age at the start of coaching on the job (the indicators' read model); without one,
        // the start of the trajectory.
        var latestStart = jdbc.sql("""
                select coalesce(i.coaching_started_on, t.started_on) from trajectory t
                left join trajectory_indicator i on i.trajectory_id = t.id
                where t.employee_id = :e order by t.started_on desc, t.id desc limit 1""")
                .param("e", subject.employeeId()).query(LocalDate.class).optional().orElse(null);
        var birthDate = jdbc.sql("select birth_date from employee where id = :e").param("e", subject.employeeId())
                .query(LocalDate.class).single();
        LocalDate kept = birthDate;
        if (latestStart != null) {
            int age = Period.between(birthDate, latestStart).getYears();
            kept = latestStart.minusYears(age);
        } else {
            kept = LocalDate.of(birthDate.getYear(), 1, 1);
        }
        jdbc.sql("""
                update employee set first_name = :erased, last_name = :erased, email = null, phone = null,
                  birth_date = :birth, erased_at = :now, version = version + 1
                where id = :e and erased_at is null""")
                .param("erased", ERASED).param("birth", kept).param("now", Timestamp.from(now))
                .param("e", subject.employeeId()).update();
    }
}
