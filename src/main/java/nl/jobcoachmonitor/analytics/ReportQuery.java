package nl.jobcoachmonitor.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.measurement.WorkValue;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    /** The population's statement, with a fetch size. */
    private final NamedParameterJdbcTemplate streaming;

    ReportQuery(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
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

    /**
     * Rows fetched from the database at a time (PostgreSQL's driver honours it within a transaction, as the report's):
     * without it the driver buffers the whole result, 178,000 rows of 30 values, before the first row is read, and
     * the young collections copy that buffer again and again (bench/README.md, "Report allocation").
     */
    static final int FETCH_SIZE = 2_000;

    /** In {@link Population#employerId}: no employer. */
    static final long NO_EMPLOYER = Long.MIN_VALUE;

    /**
     * The population of a report as columns, one entry per trajectory: primitive arrays with a marker for what is not
     * known ({@code NaN} in the {@code double} columns, -1 in the yes/no columns, {@link #NO_EMPLOYER}), so that the
     * report over 178,000 trajectories keeps a few megabytes of arrays instead of millions of boxed values. The
     * numbers the report computes are those of {@link #rows()}: {@code ReportReadModelTests} compares them.
     */
    static final class Population {

        int size;
        long[] trajectoryId;
        long[] organisationId;
        long[] coachId;
        long[] employerId;
        long[] commissionerId;
        TrajectoryPhase[] phase;
        int[] age;
        /** Contract hours, {@code NaN} when not known; with the scale of the decimal as read. */
        double[] contractHours;
        byte[] contractHoursScale;
        /** The start of coaching as its epoch day. */
        int[] coachingStartedOn;
        double[] hoursFirst;
        double[] employeeHoursFirst;
        double[] employerHoursFirst;
        double[] hoursSecond;
        double[] employeeHoursSecond;
        double[] employerHoursSecond;
        /** 1 yes, 0 no, -1 not known. */
        byte[] retained;
        byte[] positiveDevelopment;
        /** Whole numbers as doubles, {@code NaN} when not known. */
        double[] jobFit;
        double[] rapport;
        byte[] rapportScale;
        double[] fitWishes;
        byte[] fitWishesScale;
        double[] capabilitySet;
        String[] disclosedEmployer;
        double[] reactionEmployer;
        String[] disclosedColleagues;
        double[] reactionColleagues;
        double[] coachValue;
        /** Whether the trajectory has work values at T0 / T2 ... */
        boolean[] hasT0;
        boolean[] hasT2;
        /** ... and per work value asked for (k) importance and achievement, 0 where not both answered. */
        byte[][] importantT0;
        byte[][] achievedT0;
        byte[][] importantT2;
        byte[][] achievedT2;

        Population(int values, int capacity) {
            importantT0 = new byte[values][];
            achievedT0 = new byte[values][];
            importantT2 = new byte[values][];
            achievedT2 = new byte[values][];
            resize(capacity);
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int workValueCount() {
            return importantT0.length;
        }

        LocalDate coachingStartedOn(int i) {
            return LocalDate.ofEpochDay(coachingStartedOn[i]);
        }

        private void resize(int capacity) {
            trajectoryId = Arrays.copyOf(orEmpty(trajectoryId), capacity);
            organisationId = Arrays.copyOf(orEmpty(organisationId), capacity);
            coachId = Arrays.copyOf(orEmpty(coachId), capacity);
            employerId = Arrays.copyOf(orEmpty(employerId), capacity);
            commissionerId = Arrays.copyOf(orEmpty(commissionerId), capacity);
            phase = phase == null ? new TrajectoryPhase[capacity] : Arrays.copyOf(phase, capacity);
            age = age == null ? new int[capacity] : Arrays.copyOf(age, capacity);
            contractHours = copy(contractHours, capacity);
            contractHoursScale = copy(contractHoursScale, capacity);
            coachingStartedOn = coachingStartedOn == null ? new int[capacity]
                    : Arrays.copyOf(coachingStartedOn, capacity);
            hoursFirst = copy(hoursFirst, capacity);
            employeeHoursFirst = copy(employeeHoursFirst, capacity);
            employerHoursFirst = copy(employerHoursFirst, capacity);
            hoursSecond = copy(hoursSecond, capacity);
            employeeHoursSecond = copy(employeeHoursSecond, capacity);
            employerHoursSecond = copy(employerHoursSecond, capacity);
            retained = copy(retained, capacity);
            positiveDevelopment = copy(positiveDevelopment, capacity);
            jobFit = copy(jobFit, capacity);
            rapport = copy(rapport, capacity);
            rapportScale = copy(rapportScale, capacity);
            fitWishes = copy(fitWishes, capacity);
            fitWishesScale = copy(fitWishesScale, capacity);
            capabilitySet = copy(capabilitySet, capacity);
            disclosedEmployer = disclosedEmployer == null ? new String[capacity]
                    : Arrays.copyOf(disclosedEmployer, capacity);
            reactionEmployer = copy(reactionEmployer, capacity);
            disclosedColleagues = disclosedColleagues == null ? new String[capacity]
                    : Arrays.copyOf(disclosedColleagues, capacity);
            reactionColleagues = copy(reactionColleagues, capacity);
            coachValue = copy(coachValue, capacity);
            hasT0 = hasT0 == null ? new boolean[capacity] : Arrays.copyOf(hasT0, capacity);
            hasT2 = hasT2 == null ? new boolean[capacity] : Arrays.copyOf(hasT2, capacity);
            for (int k = 0; k < importantT0.length; k++) {
                importantT0[k] = copy(importantT0[k], capacity);
                achievedT0[k] = copy(achievedT0[k], capacity);
                importantT2[k] = copy(importantT2[k], capacity);
                achievedT2[k] = copy(achievedT2[k], capacity);
            }
        }

        private static long[] orEmpty(long[] column) {
            return column == null ? new long[0] : column;
        }

        private static double[] copy(double[] column, int capacity) {
            return column == null ? new double[capacity] : Arrays.copyOf(column, capacity);
        }

        private static byte[] copy(byte[] column, int capacity) {
            return column == null ? new byte[capacity] : Arrays.copyOf(column, capacity);
        }

        /** Reads the current row of the result set (columns by position, see {@link #population}). */
        void add(ResultSet rs, int[] positions) throws SQLException {
            if (size == trajectoryId.length) {
                resize(Math.max(16, 2 * size));
            }
            int i = size++;
            trajectoryId[i] = rs.getLong(1);
            organisationId[i] = rs.getLong(2);
            coachId[i] = rs.getLong(3);
            long employer = rs.getLong(4);
            employerId[i] = rs.wasNull() ? NO_EMPLOYER : employer;
            commissionerId[i] = rs.getLong(5);
            phase[i] = TrajectoryPhase.valueOf(rs.getString(6));
            LocalDate start = rs.getObject(9, LocalDate.class);
            age[i] = Period.between(rs.getObject(7, LocalDate.class), start).getYears();
            coachingStartedOn[i] = Math.toIntExact(start.toEpochDay());
            contractHoursScale[i] = decimal(rs, 8, contractHours, i);
            double months1 = rs.getDouble(10);
            boolean noMonths1 = rs.wasNull();
            hoursFirst[i] = perMonth(rs, 11, months1, noMonths1);
            employeeHoursFirst[i] = perMonth(rs, 12, months1, noMonths1);
            employerHoursFirst[i] = perMonth(rs, 13, months1, noMonths1);
            double months2 = rs.getDouble(14);
            boolean noMonths2 = rs.wasNull();
            hoursSecond[i] = perMonth(rs, 15, months2, noMonths2);
            employeeHoursSecond[i] = perMonth(rs, 16, months2, noMonths2);
            employerHoursSecond[i] = perMonth(rs, 17, months2, noMonths2);
            retained[i] = flag(rs, 18);
            positiveDevelopment[i] = flag(rs, 19);
            jobFit[i] = whole(rs, 20);
            rapportScale[i] = decimal(rs, 21, rapport, i);
            fitWishesScale[i] = decimal(rs, 22, fitWishes, i);
            capabilitySet[i] = whole(rs, 23);
            disclosedEmployer[i] = disclosure(rs.getString(24));
            reactionEmployer[i] = whole(rs, 25);
            disclosedColleagues[i] = disclosure(rs.getString(26));
            reactionColleagues[i] = whole(rs, 27);
            coachValue[i] = whole(rs, 28);
            hasT0[i] = digits(rs.getString(29), positions, importantT0, achievedT0, i);
            hasT2[i] = digits(rs.getString(30), positions, importantT2, achievedT2, i);
        }

        private static boolean digits(String digits, int[] positions, byte[][] important, byte[][] achieved, int i) {
            if (digits == null) {
                return false;
            }
            for (int k = 0; k < positions.length; k++) {
                important[k][i] = (byte) (digits.charAt(2 * positions[k]) - '0');
                achieved[k][i] = (byte) (digits.charAt(2 * positions[k] + 1) - '0');
            }
            return true;
        }

        /**
         * Hours per month of a period, once at least a month of it has passed (a few days say nothing yet); {@code
         * NaN} when not known. The months have two decimals, so {@code months < 1} on the double is the decimal's.
         */
        private static double perMonth(ResultSet rs, int hours, double months, boolean noMonths)
                throws SQLException {
            double h = rs.getDouble(hours);
            return noMonths || rs.wasNull() || months < 1 ? Double.NaN : h / months;
        }

        /** A decimal into {@code column[i]} ({@code NaN} when null); returns its scale, so that it can be rebuilt. */
        private static byte decimal(ResultSet rs, int index, double[] column, int i) throws SQLException {
            BigDecimal value = rs.getBigDecimal(index);
            column[i] = value == null ? Double.NaN : value.doubleValue();
            return value == null ? 0 : (byte) value.scale();
        }

        private static double whole(ResultSet rs, int index) throws SQLException {
            int value = rs.getInt(index);
            return rs.wasNull() ? Double.NaN : value;
        }

        private static byte flag(ResultSet rs, int index) throws SQLException {
            boolean value = rs.getBoolean(index);
            return rs.wasNull() ? (byte) -1 : value ? (byte) 1 : (byte) 0;
        }

        /** The known answers as one shared string each, so the column keeps no string per trajectory. */
        private static String disclosure(String value) {
            if (value == null) {
                return null;
            }
            return switch (value) {
                case "yes" -> "yes";
                case "partly" -> "partly";
                case "no" -> "no";
                default -> value;
            };
        }

        void trim() {
            if (size != trajectoryId.length) {
                resize(size);
            }
        }

        /** The population as one record per trajectory, with the values as read (for tests and comparisons). */
        List<Row> rows() {
            List<Row> rows = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                rows.add(new Row(trajectoryId[i], organisationId[i], coachId[i],
                        employerId[i] == NO_EMPLOYER ? null : employerId[i], commissionerId[i], phase[i], age[i],
                        decimal(contractHours[i], contractHoursScale[i]), coachingStartedOn(i),
                        boxed(hoursFirst[i]), boxed(employeeHoursFirst[i]), boxed(employerHoursFirst[i]),
                        boxed(hoursSecond[i]), boxed(employeeHoursSecond[i]), boxed(employerHoursSecond[i]),
                        flag(retained[i]), flag(positiveDevelopment[i]), integer(jobFit[i]),
                        decimal(rapport[i], rapportScale[i]), decimal(fitWishes[i], fitWishesScale[i]),
                        integer(capabilitySet[i]), disclosedEmployer[i], integer(reactionEmployer[i]),
                        disclosedColleagues[i], integer(reactionColleagues[i]), integer(coachValue[i])));
            }
            return rows;
        }

        /** The answers to the work values at T0 and T2, one record per trajectory and wave answered. */
        List<WorkValueAnswers> workValues() {
            List<WorkValueAnswers> answers = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (hasT0[i]) {
                    answers.add(answers(i, "T0", importantT0, achievedT0));
                }
                if (hasT2[i]) {
                    answers.add(answers(i, "T2", importantT2, achievedT2));
                }
            }
            return answers;
        }

        private WorkValueAnswers answers(int i, String wave, byte[][] important, byte[][] achieved) {
            int[] importance = new int[important.length];
            int[] achievement = new int[achieved.length];
            for (int k = 0; k < important.length; k++) {
                importance[k] = important[k][i];
                achievement[k] = achieved[k][i];
            }
            return new WorkValueAnswers(trajectoryId[i], wave, importance, achievement);
        }

        private static Double boxed(double value) {
            return Double.isNaN(value) ? null : value;
        }

        private static Integer integer(double value) {
            return Double.isNaN(value) ? null : (int) value;
        }

        private static Boolean flag(byte value) {
            return value < 0 ? null : value == 1;
        }

        /** The decimal as read: the double is the nearest to it, so its shortest form at the scale is the decimal. */
        private static BigDecimal decimal(double value, byte scale) {
            return Double.isNaN(value) ? null : BigDecimal.valueOf(value).setScale(scale, RoundingMode.UNNECESSARY);
        }
    }

    /**
     * The population, with one statement that reads one row per trajectory: the trajectory, its employee's birth date
     * and its indicator row, which keeps what the report needs of the waves T0 and T2 as well (V69, written by the
     * outcomes module with the indicators). The work values come as two digits per value (importance, achievement;
     * 00 where not both answered) in the order of {@link WorkValue}; {@code workValues} says which the report shows, in
     * its order. Columns are read by position, {@value #FETCH_SIZE} rows at a time, into the population's columns:
     * this runs for up to 200,000 rows per request.
     */
    Population population(Scope scope, ReportFilter filter, List<String> workValues) {
        var where = where(scope, filter);
        int[] positions = workValues.stream()
                .mapToInt(v -> WorkValue.valueOf(v.toUpperCase(java.util.Locale.ROOT)).ordinal()).toArray();
        var population = new Population(positions.length, 1024);
        streaming.query("""
                select t.id, t.organisation_id, t.coach_id, t.employer_id, t.commissioner_id, t.phase, e.birth_date,
                    coalesce(i.contract_hours_t0, t.job_contract_hours) as contract_hours, i.coaching_started_on,
                    i.months_0_3, i.hours_total_0_3, i.hours_employee_0_3, i.hours_employer_0_3,
                    i.months_3_6, i.hours_total_3_6, i.hours_employee_3_6, i.hours_employer_3_6,
                    i.retained, i.positive_development, i.job_fit_latest, i.rapport_employee, i.fit_wishes,
                    i.capability_set_latest, i.disclosed_employer, i.reaction_employer, i.disclosed_colleagues,
                    i.reaction_colleagues, i.coach_value, i.work_values_t0, i.work_values_t2
                """ + FROM + where.sql(), where.params(), (RowCallbackHandler) rs -> population.add(rs, positions));
        population.trim();
        return population;
    }

    /** The population's rows without the work values. */
    List<Row> rows(Scope scope, ReportFilter filter) {
        return population(scope, filter, List.of()).rows();
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
}
