package nl.jobcoachmonitor.personaldata;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.trajectory.CorrectionLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one employee's data for their own-data page and download: a read model over the employee, trajectory and
 * contact tables, always by the employee's id (which the caller took from the employee's own link), never by anything
 * the request names.
 */
@Component
class OwnDataQuery {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CorrectionLog corrections;

    OwnDataQuery(JdbcClient jdbc, Clock clock, CorrectionLog corrections) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.corrections = corrections;
    }

    OwnData of(long employeeId) {
        var person = jdbc.sql("select id, first_name, last_name, birth_date, email, phone from employee where id = :e")
                .param("e", employeeId)
                .query((rs, n) -> new OwnData.Person(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)))
                .single();
        var trajectories = jdbc.sql("""
                select t.id, t.phase, t.closing_reason, t.started_on, t.closed_on, u.display_name, o.name, c.name,
                  er.name, t.job_title, t.job_contract_hours, t.job_contract_type, t.job_started_on
                from trajectory t join app_user u on u.id = t.coach_id join organisation o on o.id = t.organisation_id
                join commissioner c on c.id = t.commissioner_id left join employer er on er.id = t.employer_id
                where t.employee_id = :e order by t.started_on, t.id""")
                .param("e", employeeId)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    var job = rs.getString(10) == null && rs.getBigDecimal(11) == null ? null
                            : new OwnData.Job(rs.getString(10), rs.getBigDecimal(11), rs.getString(12),
                                    rs.getObject(13, LocalDate.class));
                    return new OwnData.TrajectoryData(id, rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), job, phases(id), jobChanges(id),
                            contacts(id), goals(id), reports(id), consents(id));
                })
                .list();
        return new OwnData(person, trajectories, corrections.ofEmployee(employeeId), clock.instant());
    }

    private List<OwnData.GoalData> goals(long trajectoryId) {
        return jdbc.sql("select id, description, status, review_on from goal where trajectory_id = :t order by id")
                .param("t", trajectoryId)
                .query((rs, n) -> new OwnData.GoalData(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** The reports as sent: signed-off versions only (a draft was not sent), oldest period first. */
    private List<OwnData.ReportData> reports(long trajectoryId) {
        Map<Long, List<OwnData.ReportLine>> lines = new HashMap<>();
        jdbc.sql("""
                select l.report_id, l.kind, l.label, l.status, l.minutes from accountability_report_line l
                join accountability_report r on r.id = l.report_id
                where r.trajectory_id = :t and r.signed_at is not null order by l.report_id, l.position""")
                .param("t", trajectoryId)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OwnData.ReportLine(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                });
        return jdbc.sql("""
                select id, period_from, period_to, version_no, commissioner_name, signed_at, hours_granted,
                  minutes_total, contact_count, summary, employee_grade, employer_grade
                from accountability_report where trajectory_id = :t and signed_at is not null
                order by period_from, version_no""")
                .param("t", trajectoryId)
                .query((rs, n) -> new OwnData.ReportData(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant().atZone(clock.getZone()), rs.getBigDecimal(7), rs.getInt(8),
                        rs.getInt(9), rs.getString(10), rs.getObject(11, Integer.class),
                        rs.getObject(12, Integer.class), lines.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    private List<OwnData.ConsentData> consents(long trajectoryId) {
        return jdbc.sql("select purpose, given, decided_on, text_version from consent where trajectory_id = :t "
                + "order by decided_on, id").param("t", trajectoryId)
                .query((rs, n) -> new OwnData.ConsentData(rs.getString(1), rs.getBoolean(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    private List<OwnData.PhaseStep> phases(long trajectoryId) {
        return jdbc.sql("select changed_on, from_phase, to_phase, closing_reason from phase_change "
                + "where trajectory_id = :t order by position").param("t", trajectoryId)
                .query((rs, n) -> new OwnData.PhaseStep(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    private List<OwnData.JobStep> jobChanges(long trajectoryId) {
        return jdbc.sql("select j.changed_on, j.kind, j.job_title, j.contract_hours, j.contract_type, er.name, j.note "
                + "from job_change j left join employer er on er.id = j.employer_id where j.trajectory_id = :t "
                + "order by j.position").param("t", trajectoryId)
                .query((rs, n) -> new OwnData.JobStep(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private List<OwnData.ContactData> contacts(long trajectoryId) {
        Map<Long, List<String>> themes = new HashMap<>();
        jdbc.sql("select ct.contact_id, ct.theme from contact_theme ct join contact c on c.id = ct.contact_id "
                + "where c.trajectory_id = :t order by ct.theme").param("t", trajectoryId)
                .query(rs -> {
                    themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("select id, contact_on, minutes, party, mode, note from contact where trajectory_id = :t "
                + "order by contact_on, id").param("t", trajectoryId)
                .query((rs, n) -> new OwnData.ContactData(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getString(4), rs.getString(5), themes.getOrDefault(rs.getLong(1), List.of()),
                        rs.getString(6)))
                .list();
    }
}
