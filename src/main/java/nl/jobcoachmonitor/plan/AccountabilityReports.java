package nl.jobcoachmonitor.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.jobcoachmonitor.shared.ConflictException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accountability reports and their frozen lines. A signed-off report is never updated. */
@Repository
class AccountabilityReports {

    private final JdbcClient jdbc;

    AccountabilityReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new version for the view's period with the figures frozen; texts and grades from {@code form}. */
    long create(HealthFreeTrajectory view, ReportForm form, long userId, Instant now) {
        int version = jdbc.sql("select coalesce(max(version_no), 0) + 1 from accountability_report "
                + "where trajectory_id = :t and period_from = :f").param("t", view.trajectoryId())
                .param("f", view.periodFrom()).query(Integer.class).single();
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into accountability_report (trajectory_id, version_no, period_from, period_to,
                  commissioner_name, report_template, hours_granted, minutes_total, contact_count, summary,
                  employee_grade, employee_remark, employer_grade, employer_remark, created_at, created_by,
                  employee_name, employee_birth_date, client_number, case_number, organisation_name, coach_name,
                  employer_name)
                values (:t, :v, :f, :to, :c, :tpl, :g, :m, :n, :s, :eg, :er, :wg, :wr, :now, :u,
                  :en, :eb, :cn, :kn, :on, :co, :wn)
                """).param("en", view.identity().employeeName()).param("eb", view.identity().birthDate())
                .param("cn", view.identity().clientNumber()).param("kn", view.identity().caseNumber())
                .param("on", view.identity().organisationName()).param("co", view.identity().coachName())
                .param("wn", view.identity().employerName()).param("t", view.trajectoryId()).param("v", version).param("f", view.periodFrom())
                .param("to", view.periodTo()).param("c", view.commissionerName())
                .param("tpl", view.template().name()).param("g", view.hoursGranted())
                .param("m", view.minutesTotal()).param("n", view.contactCount())
                .param("s", form == null ? null : form.summary())
                .param("eg", form == null ? null : form.employeeGrade())
                .param("er", form == null ? null : form.employeeRemark())
                .param("wg", form == null ? null : form.employerGrade())
                .param("wr", form == null ? null : form.employerRemark())
                .param("now", Timestamp.from(now)).param("u", userId).update(key, "id");
        long id = key.getKey().longValue();
        int position = 0;
        for (var goal : view.goals()) {
            line(id, position++, "GOAL", goal.description(), goal.status().name(), goal.minutes());
        }
        for (var party : view.parties()) {
            line(id, position++, "PARTY", party.party().name(), null, party.minutes());
        }
        if (view.unlinkedMinutes() > 0) {
            line(id, position, "UNLINKED", "-", null, view.unlinkedMinutes());
        }
        return id;
    }

    private void line(long reportId, int position, String kind, String label, String status, int minutes) {
        jdbc.sql("insert into accountability_report_line (report_id, position, kind, label, status, minutes) "
                + "values (:r, :p, :k, :l, :s, :m)").param("r", reportId).param("p", position).param("k", kind)
                .param("l", label).param("s", status).param("m", minutes).update();
    }

    /** Saves the coach's texts and the assessments on a draft; a signed-off report answers 409. */
    void update(long trajectoryId, long id, ReportForm form) {
        int updated = jdbc.sql("""
                update accountability_report set summary = :s, employee_grade = :eg, employee_remark = :er,
                  employer_grade = :wg, employer_remark = :wr, version = version + 1
                where id = :id and trajectory_id = :t and signed_at is null
                """).param("s", blankToNull(form.summary())).param("eg", form.employeeGrade())
                .param("er", blankToNull(form.employeeRemark())).param("wg", form.employerGrade())
                .param("wr", blankToNull(form.employerRemark())).param("id", id).param("t", trajectoryId).update();
        if (updated == 0) {
            throw new ConflictException("accountability report", id);
        }
    }

    /** The grade and remark given through an assessment link, into the draft; a signed-off report answers 409. */
    void assess(long id, boolean employer, int grade, String remark) {
        String columns = employer ? "employer_grade = :g, employer_remark = :m"
                : "employee_grade = :g, employee_remark = :m";
        int updated = jdbc.sql("update accountability_report set " + columns + ", version = version + 1 "
                + "where id = :id and signed_at is null").param("g", grade).param("m", remark).param("id", id)
                .update();
        if (updated == 0) {
            throw new ConflictException("accountability report", id);
        }
    }

    void sign(long trajectoryId, long id, long userId, Instant now) {
        int updated = jdbc.sql("update accountability_report set signed_at = :now, signed_by = :u, "
                + "version = version + 1 where id = :id and trajectory_id = :t and signed_at is null")
                .param("now", Timestamp.from(now)).param("u", userId).param("id", id).param("t", trajectoryId)
                .update();
        if (updated == 0) {
            throw new ConflictException("accountability report", id);
        }
    }

    /** Records how the signed report went out; once only (a report already sent answers 409). */
    void sent(long trajectoryId, long id, String how, String to, LocalDate on, Long mailId) {
        int updated = jdbc.sql("""
                update accountability_report set sent_how = :how, sent_to = :to, sent_on = :on, sent_mail_id = :mail,
                  version = version + 1
                where id = :id and trajectory_id = :t and signed_at is not null and sent_how is null
                """).param("how", how).param("to", to).param("on", on).param("mail", mailId).param("id", id)
                .param("t", trajectoryId).update();
        if (updated == 0) {
            throw new ConflictException("accountability report", id);
        }
    }

    Optional<AccountabilityReport> find(long trajectoryId, long id) {
        return jdbc.sql("select r.*, u.display_name as signed_by_name from accountability_report r "
                + "left join app_user u on u.id = r.signed_by where r.id = :id and r.trajectory_id = :t")
                .param("id", id).param("t", trajectoryId).query(this::row).optional();
    }

    List<AccountabilityReport> of(long trajectoryId) {
        return jdbc.sql("select r.*, u.display_name as signed_by_name from accountability_report r "
                + "left join app_user u on u.id = r.signed_by where r.trajectory_id = :t "
                + "order by r.period_from desc, r.version_no desc").param("t", trajectoryId).query(this::row).list();
    }

    private AccountabilityReport row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<AccountabilityReport.Line> lines = new ArrayList<>(jdbc.sql("select kind, label, status, minutes "
                + "from accountability_report_line where report_id = :r order by position").param("r", id)
                .query((l, i) -> new AccountabilityReport.Line(l.getString(1), l.getString(2),
                        l.getString(3) == null ? null : GoalStatus.valueOf(l.getString(3)), l.getInt(4))).list());
        Timestamp signed = rs.getTimestamp("signed_at");
        return new AccountabilityReport(id, rs.getLong("trajectory_id"), rs.getInt("version_no"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("commissioner_name"), ReportTemplate.valueOf(rs.getString("report_template")),
                rs.getObject("hours_granted") == null ? null : rs.getDouble("hours_granted"),
                rs.getInt("minutes_total"), rs.getInt("contact_count"), rs.getString("summary"),
                (Integer) rs.getObject("employee_grade", Integer.class), rs.getString("employee_remark"),
                (Integer) rs.getObject("employer_grade", Integer.class), rs.getString("employer_remark"),
                rs.getTimestamp("created_at").toInstant(), signed == null ? null : signed.toInstant(), lines,
                new CaseIdentity(rs.getString("employee_name"), rs.getObject("employee_birth_date", LocalDate.class),
                        rs.getString("client_number"), rs.getString("case_number"),
                        rs.getString("organisation_name"), rs.getString("coach_name"), rs.getString("employer_name")),
                rs.getString("sent_how") == null ? null
                        : new AccountabilityReport.Sending(rs.getString("sent_how"), rs.getString("sent_to"),
                                rs.getObject("sent_on", LocalDate.class), rs.getObject("sent_mail_id", Long.class),
                                rs.getString("signed_by_name")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
