package nl.jobcoachmonitor.trajectory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.jobcoachmonitor.identity.IdentityManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of corrections of a person's data (GDPR art. 16, and plain mistakes): per changed field who, when, the
 * old and the new value. The modules that correct (the employee's details here, contacts in coaching, goals in plan)
 * write to it in the transaction of the correction, after scoping it; the trajectory page and the employee's own-data
 * page read it. Values are stored as the form had them (codes for parties, modes and themes; the page translates).
 * Erasing the person erases the values ({@link EmployeeErasure}).
 */
@Component
public class CorrectionLog {

    /** What was corrected. */
    public enum Subject {
        EMPLOYEE, CONTACT, GOAL
    }

    /** The field name of the one row a deleted contact leaves. */
    public static final String DELETED = "deleted";

    /** One field: its name, the value before and after (null: empty). */
    public record Change(String field, String oldValue, String newValue) {
    }

    /** Collects the fields of one correction whose value differs (blank counts as empty). */
    public static final class Changes {

        private final List<Change> list = new ArrayList<>();

        public Changes field(String field, Object oldValue, Object newValue) {
            String before = text(oldValue);
            String after = text(newValue);
            if (!Objects.equals(before, after)) {
                list.add(new Change(field, before, after));
            }
            return this;
        }

        public List<Change> list() {
            return List.copyOf(list);
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        private static String text(Object value) {
            return value == null ? null : blankToNull(value.toString());
        }
    }

    /** One correction as pages show it ({@code correctedBy} is null on the employee's own page). */
    public record Correction(ZonedDateTime correctedAt, Subject subject, long subjectId, String field, String oldValue,
            String newValue, String correctedBy) {

        public boolean deleted() {
            return DELETED.equals(field);
        }
    }

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final Clock clock;

    CorrectionLog(JdbcClient jdbc, IdentityManagement identity, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** Records the changed fields of one correction; the caller has scoped it and writes it in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long employeeId, Long trajectoryId, Subject subject, long subjectId, List<Change> changes,
            long userId) {
        var now = Timestamp.from(clock.instant());
        for (var c : changes) {
            jdbc.sql("""
                    insert into correction (employee_id, trajectory_id, subject, subject_id, field, old_value,
                      new_value, corrected_by, corrected_at)
                    values (:e, :t, :s, :id, :f, :old, :new, :u, :at)""")
                    .param("e", employeeId).param("t", trajectoryId).param("s", subject.name()).param("id", subjectId)
                    .param("f", c.field()).param("old", c.oldValue()).param("new", c.newValue()).param("u", userId)
                    .param("at", now).update();
        }
    }

    /**
     * The corrections shown on a trajectory page, newest first: those of its contacts and goals and of the employee's
     * details. The caller has scoped the trajectory.
     */
    @Transactional(readOnly = true)
    public List<Correction> ofTrajectory(TrajectoryRef trajectory) {
        record Row(Instant at, Subject subject, long subjectId, String field, String oldValue, String newValue,
                Long by) {
        }
        var rows = jdbc.sql("""
                select corrected_at, subject, subject_id, field, old_value, new_value, corrected_by from correction
                where trajectory_id = :t or (employee_id = :e and subject = 'EMPLOYEE')
                order by corrected_at desc, id desc""")
                .param("t", trajectory.id()).param("e", trajectory.employeeId())
                .query((rs, n) -> new Row(rs.getTimestamp(1).toInstant(), Subject.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, Long.class)))
                .list();
        var names = identity.displayNames(rows.stream().map(Row::by).filter(Objects::nonNull).distinct().toList());
        return rows.stream().map(r -> new Correction(r.at().atZone(clock.getZone()), r.subject(), r.subjectId(), r.field(), r.oldValue(),
                r.newValue(), r.by() == null ? null : names.get(r.by()))).toList();
    }

    /** All corrections of an employee's data, newest first, without staff names (for their own-data page). */
    @Transactional(readOnly = true)
    public List<Correction> ofEmployee(long employeeId) {
        return jdbc.sql("""
                select corrected_at, subject, subject_id, field, old_value, new_value from correction
                where employee_id = :e order by corrected_at desc, id desc""")
                .param("e", employeeId)
                .query((rs, n) -> new Correction(rs.getTimestamp(1).toInstant().atZone(clock.getZone()), Subject.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), null))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
