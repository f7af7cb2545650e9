package nl.jobcoachmonitor.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.measurement.WorkValue;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the population of a report from the indicator read model: one row per trajectory with coaching on the job
 * (with its work values at T0 and T2), and the contact minutes per month since the start of coaching as sums, both
 * from the trajectory's indicator row. Always within a scope (an organisation or a commissioner), in the SQL itself.
 */
@Component
class ReportQuery {

    /** Months since the start of coaching shown in the hours over time. */
    static final int MONTHS = 12;

    /**
     * A trajectory's contact minutes with one party in one month count at most this much in the hours over time (20
     * hours, the bound of hours per month in the report's disclosure control).
     */
    static final int MOST_MINUTES_PER_MONTH = 20 * 60;

    private final JdbcClient jdbc;

    ReportQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose trajectories: an organisation's (manager) or a commissioner's. */
    record Scope(String column, long id) {

        static Scope organisation(long id) {
            return new Scope("t.organisation_id", id);
        }

        static Scope commissioner(long id) {
            return new Scope("t.commissioner_id", id);
        }

        /** Every trajectory: the overall report. */
        static Scope all() {
            return new Scope("1", 1);
        }
    }

    /** One trajectory of the population; null where not known. */
    record Row(long trajectoryId, long organisationId, long coachId, Long employerId, long commissionerId,
            TrajectoryPhase phase, int age,
            BigDecimal contractHours, LocalDate coachingStartedOn, Double hoursFirst, Double employeeHoursFirst,
            Double employerHoursFirst, Double hoursSecond, Double employeeHoursSecond, Double employerHoursSecond,
            Boolean retained, Boolean positiveDevelopment, Integer jobFit, BigDecimal rapport, BigDecimal fitWishes,
            Integer capabilitySet, String disclosedEmployer, Integer reactionEmployer, String disclosedColleagues,
            Integer reactionColleagues, Integer coachValue) {
    }

    /** One trajectory's work values at one wave: importance and achievement per value, 0 where not answered. */
    record WorkValueAnswers(long trajectoryId, String wave, int[] important, int[] achieved) {
    }

    /** Contact minutes in the n-th month since coaching started, summed over the population. */
    record MonthSums(int month, long employeeMinutes, long employerMinutes, long otherMinutes) {
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Scope scope, ReportFilter filter) {
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

    /** The population of a report: one row per trajectory, and the answers to the work values at T0 and T2. */
    record Population(List<Row> rows, List<WorkValueAnswers> workValues) {
    }

    /**
     * The population, with one statement that reads one row per trajectory: the trajectory, its employee's birth date
     * and its indicator row, which keeps what the report needs of the waves T0 and T2 as well (V69, written by the
     * outcomes module with the indicators). The work values come as two digits per value (importance, achievement;
     * 00 where not both answered) in the order of {@link WorkValue}; {@code workValues} says which the report shows, in
     * its order. Columns are read by position: this runs for up to 200,000 rows per request.
     */
    Population population(Scope scope, ReportFilter filter, List<String> workValues) {
        var where = where(scope, filter);
        int[] positions = workValues.stream()
                .mapToInt(v -> WorkValue.valueOf(v.toUpperCase(java.util.Locale.ROOT)).ordinal()).toArray();
        List<WorkValueAnswers> answers = new ArrayList<>();
        var rows = jdbc.sql("""
                select t.id, t.organisation_id, t.coach_id, t.employer_id, t.commissioner_id, t.phase, e.birth_date,
                    coalesce(i.contract_hours_t0, t.job_contract_hours) as contract_hours, i.coaching_started_on,
                    i.months_0_3, i.hours_total_0_3, i.hours_employee_0_3, i.hours_employer_0_3,
                    i.months_3_6, i.hours_total_3_6, i.hours_employee_3_6, i.hours_employer_3_6,
                    i.retained, i.positive_development, i.job_fit_latest, i.rapport_employee, i.fit_wishes,
                    i.capability_set_latest, i.disclosed_employer, i.reaction_employer, i.disclosed_colleagues,
                    i.reaction_colleagues, i.coach_value, i.work_values_t0, i.work_values_t2
                """ + FROM + where.sql())
                .params(where.params())
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    answers(id, "T0", rs.getString(29), positions, answers);
                    answers(id, "T2", rs.getString(30), positions, answers);
                    return row(rs);
                })
                .list();
        return new Population(rows, answers);
    }

    /** The population's rows without the work values. */
    List<Row> rows(Scope scope, ReportFilter filter) {
        return population(scope, filter, List.of()).rows();
    }

    private static void answers(long trajectoryId, String wave, String digits, int[] positions,
            List<WorkValueAnswers> answers) {
        if (digits == null) {
            return;
        }
        int[] important = new int[positions.length];
        int[] achieved = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            important[k] = digits.charAt(2 * positions[k]) - '0';
            achieved[k] = digits.charAt(2 * positions[k] + 1) - '0';
        }
        answers.add(new WorkValueAnswers(trajectoryId, wave, important, achieved));
    }

    private static Row row(ResultSet rs) throws SQLException {
        LocalDate start = rs.getObject(9, LocalDate.class);
        int age = Period.between(rs.getObject(7, LocalDate.class), start).getYears();
        BigDecimal months1 = rs.getBigDecimal(10);
        BigDecimal months2 = rs.getBigDecimal(14);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), longOrNull(rs, 4), rs.getLong(5),
                TrajectoryPhase.valueOf(rs.getString(6)), age, rs.getBigDecimal(8), start,
                perMonth(rs, 11, months1), perMonth(rs, 12, months1), perMonth(rs, 13, months1),
                perMonth(rs, 15, months2), perMonth(rs, 16, months2), perMonth(rs, 17, months2),
                bool(rs, 18), bool(rs, 19), integer(rs, 20), rs.getBigDecimal(21), rs.getBigDecimal(22),
                integer(rs, 23), rs.getString(24), integer(rs, 25), rs.getString(26), integer(rs, 27),
                integer(rs, 28));
    }

    /**
     * Contact minutes per month since the start of coaching (0 = the month from the start day, counted as the intensity
     * counts them: {@code MonthsOfCoaching}), summed, each trajectory's minutes with a party in a month at most
     * {@link #MOST_MINUTES_PER_MONTH}; only the months in which some trajectory of the population had a contact. One
     * aggregate over the indicator rows, which keep the minutes of months 0-11 (V69).
     */
    List<MonthSums> months(Scope scope, ReportFilter filter) {
        var where = where(scope, filter);
        StringBuilder sums = new StringBuilder();
        for (int m = 0; m < MONTHS; m++) {
            sums.append(m == 0 ? "" : ", ").append("count(i.month").append(m).append("_employee)");
            for (String party : List.of("employee", "employer", "other")) {
                // coalesce: least ignores a null (no contact that month) and would count the bound instead
                sums.append(", sum(least(coalesce(i.month").append(m).append('_').append(party)
                        .append(", 0), :most))");
            }
        }
        return jdbc.sql("select " + sums + from(filter) + where.sql())
                .params(where.params())
                .param("most", MOST_MINUTES_PER_MONTH)
                .query(rs -> {
                    List<MonthSums> months = new ArrayList<>();
                    if (rs.next()) {
                        for (int m = 0; m < MONTHS; m++) {
                            if (rs.getLong(4 * m + 1) > 0) {
                                months.add(new MonthSums(m, rs.getLong(4 * m + 2), rs.getLong(4 * m + 3),
                                        rs.getLong(4 * m + 4)));
                            }
                        }
                    }
                    return months;
                });
    }

    /** Hours per month of a period, once at least a month of it has passed (a few days say nothing yet). */
    private static Double perMonth(ResultSet rs, int hours, BigDecimal months) throws SQLException {
        BigDecimal h = rs.getBigDecimal(hours);
        return months == null || h == null || months.compareTo(BigDecimal.ONE) < 0 ? null
                : h.doubleValue() / months.doubleValue();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
