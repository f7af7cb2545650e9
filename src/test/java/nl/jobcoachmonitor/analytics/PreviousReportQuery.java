package nl.jobcoachmonitor.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The study report's statements before V69 (commit 6faddf7), kept for ReportReadModelTests: the rows joined with the
 * waves T0 and T2, the work values from wave_work_value and the months from trajectory_month. The report now reads the
 * same from the indicator row; the test checks that both give the same.
 */
class PreviousReportQuery {

    /** Months since the start of coaching shown in the hours over time. */
    static final int MONTHS = ReportQuery.MONTHS;

    /**
     * A trajectory's contact minutes with one party in one month count at most this much in the hours over time (20
     * hours, the bound of hours per month in the report's disclosure control).
     */
    static final int MOST_MINUTES_PER_MONTH = ReportQuery.MOST_MINUTES_PER_MONTH;

    private final JdbcClient jdbc;

    PreviousReportQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(ReportQuery.Scope scope, ReportFilter filter) {
        StringBuilder sql = new StringBuilder(" where " + scope.column() + " = :scope"
                + " and i.coaching_started_on is not null");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope.id());
        if (filter.from() != null) {
            sql.append(" and i.coaching_started_on >= :from");
            params.put("from", filter.from().atDay(1));
        }
        if (filter.to() != null) {
            sql.append(" and i.coaching_started_on <= :to");
            params.put("to", filter.to().atEndOfMonth());
        }
        if (filter.phase() != null) {
            sql.append(" and t.phase = :phase");
            params.put("phase", filter.phase().name());
        }
        if (filter.commissionerId() != null) {
            sql.append(" and t.commissioner_id = :commissioner");
            params.put("commissioner", filter.commissionerId());
        }
        if (filter.ageBand() != null) {
            // Age at the start of coaching between lowest and highest: born after start - (highest + 1) years and on
            // or before start - lowest years. The numbers come from the enum, never from input.
            sql.append(" and e.birth_date > i.coaching_started_on - interval '" + (filter.ageBand().highest + 1)
                    + "' year and e.birth_date <= i.coaching_started_on - interval '" + filter.ageBand().lowest
                    + "' year");
        }
        return new Where(sql.toString(), params);
    }

    private static final String FROM = " from trajectory t join employee e on e.id = t.employee_id"
            + " join trajectory_indicator i on i.trajectory_id = t.id";

    /**
     * The population without the employee, for the sums: every trajectory has exactly one employee (a not-null foreign
     * key to its primary key), so the join neither adds nor drops a row, and it is only needed for the age band's
     * condition on the birth date. Leaving it out saves a hash join over the whole scope (bench/README.md, "Study
     * report").
     */
    private static String from(ReportFilter filter) {
        return filter.ageBand() == null
                ? " from trajectory t join trajectory_indicator i on i.trajectory_id = t.id"
                : FROM;
    }

    List<ReportQuery.Row> rows(ReportQuery.Scope scope, ReportFilter filter) {
        var where = where(scope, filter);
        return jdbc.sql("""
                select t.id, t.organisation_id, t.coach_id, t.employer_id, t.commissioner_id, t.phase, e.birth_date,
                    coalesce(w0.contract_hours, t.job_contract_hours) as contract_hours, i.coaching_started_on,
                    i.months_0_3, i.hours_total_0_3, i.hours_employee_0_3, i.hours_employer_0_3,
                    i.months_3_6, i.hours_total_3_6, i.hours_employee_3_6, i.hours_employer_3_6,
                    i.retained, i.positive_development, i.job_fit_latest, i.rapport_employee, i.fit_wishes,
                    i.capability_set_latest,
                    coalesce(w2.disclosed_employer, w0.disclosed_employer) as disclosed_employer,
                    coalesce(w2.reaction_employer, w0.reaction_employer) as reaction_employer,
                    coalesce(w2.disclosed_colleagues, w0.disclosed_colleagues) as disclosed_colleagues,
                    coalesce(w2.reaction_colleagues, w0.reaction_colleagues) as reaction_colleagues,
                    coalesce(w2.coach_value, w0.coach_value) as coach_value
                """ + FROM + """
                 left join wave_indicator w0 on w0.trajectory_id = t.id and w0.wave_code = 'T0'
                 left join wave_indicator w2 on w2.trajectory_id = t.id and w2.wave_code = 'T2'
                """ + where.sql())
                .params(where.params())
                .query((rs, n) -> row(rs))
                .list();
    }

    private static ReportQuery.Row row(ResultSet rs) throws SQLException {
        LocalDate start = rs.getObject("coaching_started_on", LocalDate.class);
        int age = Period.between(rs.getObject("birth_date", LocalDate.class), start).getYears();
        return new ReportQuery.Row(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("coach_id"), longOrNull(rs, "employer_id"),
                rs.getLong("commissioner_id"), TrajectoryPhase.valueOf(rs.getString("phase")), age,
                rs.getBigDecimal("contract_hours"), start,
                perMonth(rs, "hours_total_0_3", "months_0_3"), perMonth(rs, "hours_employee_0_3", "months_0_3"),
                perMonth(rs, "hours_employer_0_3", "months_0_3"), perMonth(rs, "hours_total_3_6", "months_3_6"),
                perMonth(rs, "hours_employee_3_6", "months_3_6"), perMonth(rs, "hours_employer_3_6", "months_3_6"),
                bool(rs, "retained"), bool(rs, "positive_development"), integer(rs, "job_fit_latest"),
                rs.getBigDecimal("rapport_employee"), rs.getBigDecimal("fit_wishes"),
                integer(rs, "capability_set_latest"), rs.getString("disclosed_employer"),
                integer(rs, "reaction_employer"), rs.getString("disclosed_colleagues"),
                integer(rs, "reaction_colleagues"), integer(rs, "coach_value"));
    }

    /**
     * Per trajectory and wave (T0 and T2): its answers to the seven work values, importance and achievement (1–5; 0
     * where not both answered), in the order of {@code workValues}. One row per trajectory and wave, so the report
     * knows whose answers enter each mean (the cell key).
     */
    List<ReportQuery.WorkValueAnswers> workValues(ReportQuery.Scope scope, ReportFilter filter, List<String> workValues) {
        var where = where(scope, filter);
        StringBuilder columns = new StringBuilder();
        for (int k = 0; k < workValues.size(); k++) {
            // the names come from the report's constant list, never from input
            columns.append(", max(case when v.work_value = '").append(workValues.get(k))
                    .append("' then v.important end) as i").append(k)
                    .append(", max(case when v.work_value = '").append(workValues.get(k))
                    .append("' then v.achieved end) as a").append(k);
        }
        return jdbc.sql("select v.trajectory_id, v.wave_code" + columns + from(filter)
                + " join wave_work_value v on v.trajectory_id = t.id" + where.sql()
                + " and v.wave_code in ('T0', 'T2') and v.important is not null and v.achieved is not null"
                + " group by v.trajectory_id, v.wave_code")
                .params(where.params())
                .query((rs, n) -> {
                    int[] important = new int[workValues.size()];
                    int[] achieved = new int[workValues.size()];
                    for (int k = 0; k < workValues.size(); k++) {
                        important[k] = rs.getInt("i" + k);
                        achieved[k] = rs.getInt("a" + k);
                    }
                    return new ReportQuery.WorkValueAnswers(rs.getLong(1), rs.getString(2), important, achieved);
                })
                .list();
    }

    /**
     * Contact minutes per month since the start of coaching (0 = the month from the start day, counted as the intensity
     * counts them: {@code MonthsOfCoaching}), summed, each trajectory's minutes with a party in a month at most
     * {@link #MOST_MINUTES_PER_MONTH}.
     */
    List<ReportQuery.MonthSums> months(ReportQuery.Scope scope, ReportFilter filter) {
        var where = where(scope, filter);
        return jdbc.sql("""
                select m.month_index, sum(least(m.employee_minutes, :most)), sum(least(m.employer_minutes, :most)),
                    sum(least(m.other_minutes, :most))
                """ + from(filter) + " join trajectory_month m on m.trajectory_id = t.id" + where.sql()
                + " and m.month_index < " + MONTHS
                + " group by m.month_index order by m.month_index")
                .params(where.params())
                .param("most", MOST_MINUTES_PER_MONTH)
                .query((rs, n) -> new ReportQuery.MonthSums(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Hours per month of a period, once at least a month of it has passed (a few days say nothing yet). */
    private static Double perMonth(ResultSet rs, String hours, String months) throws SQLException {
        BigDecimal m = rs.getBigDecimal(months);
        BigDecimal h = rs.getBigDecimal(hours);
        return m == null || h == null || m.compareTo(BigDecimal.ONE) < 0 ? null : h.doubleValue() / m.doubleValue();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
