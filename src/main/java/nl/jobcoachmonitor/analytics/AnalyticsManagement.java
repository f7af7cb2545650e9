package nl.jobcoachmonitor.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import nl.jobcoachmonitor.analytics.ReportQuery.Row;
import nl.jobcoachmonitor.analytics.ReportQuery.Scope;
import nl.jobcoachmonitor.analytics.StudyReport.Association;
import nl.jobcoachmonitor.analytics.StudyReport.Kind;
import nl.jobcoachmonitor.analytics.StudyReport.Measure;
import nl.jobcoachmonitor.analytics.StudyReport.MonthRow;
import nl.jobcoachmonitor.analytics.StudyReport.WorkValueRow;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analytics module's public API: the study report for the population a manager (the organisation), a commissioner
 * (the trajectories it commissions) or a researcher (all, the overall report) may see, only in aggregate. For a
 * commissioner or researcher, a selection that narrows to one coach or one employer is refused: it would describe a
 * person.
 */
@Service
@Transactional(readOnly = true)
public class AnalyticsManagement {

    /** An association on fewer persons (or yes/no outcomes with fewer events per predictor) gets a warning. */
    static final int SMALL_N = 30;

    private static final List<String> WORK_VALUES = List.of("use_skills", "develop_skills", "decisions", "contacts",
            "own_goals", "income", "contribute");

    private final ReportQuery query;
    private final PersonalDataAccess access;
    private final Clock clock;

    AnalyticsManagement(ReportQuery query, PersonalDataAccess access, Clock clock) {
        this.query = query;
        this.access = access;
        this.clock = clock;
    }

    public StudyReport report(CurrentUser user, ReportFilter requested) {
        Scope scope;
        ReportFilter filter = requested;
        if (user.role() == Role.MANAGER) {
            scope = Scope.organisation(user.organisationId());
        } else if (user.role() == Role.COMMISSIONER && user.commissionerId() != null) {
            scope = Scope.commissioner(user.commissionerId());
            filter = new ReportFilter(requested.from(), requested.to(), requested.ageBand(), requested.phase(), null);
        } else if (user.role() == Role.RESEARCHER) {
            scope = Scope.all();
        } else {
            throw new NotFoundException("report", user.id());
        }
        access.searched("study_report", describe(filter));
        List<Row> rows = query.rows(scope, filter);
        if (user.role() != Role.MANAGER && !rows.isEmpty()
                && (distinct(rows, Row::coachId) < 2 || distinct(rows, Row::employerId) < 2)) {
            return StudyReport.refused(filter, "report.refused.narrow");
        }
        return new StudyReport(filter, null, SmallCellRule.count(rows.size()),
                SmallCellRule.count((int) distinct(rows, Row::coachId)), table(rows),
                workValues(query.workValues(scope, filter)), months(rows, query.months(scope, filter)),
                associations(rows));
    }

    private static String describe(ReportFilter f) {
        return "from=" + f.from() + ";to=" + f.to() + ";age=" + f.ageBand() + ";phase=" + f.phase()
                + ";commissioner=" + f.commissionerId();
    }

    private static long distinct(List<Row> rows, Function<Row, Object> key) {
        return rows.stream().map(key).filter(Objects::nonNull).distinct().count();
    }

    // ---- the study's table ----

    private static List<Measure> table(List<Row> rows) {
        List<Measure> table = new ArrayList<>();
        table.add(mean("report.row.age", rows, r -> (double) r.age(), 30.0));
        table.add(mean("report.row.contractHours", rows,
                r -> r.contractHours() == null ? null : r.contractHours().doubleValue(), 24.0));
        table.add(percent("report.row.toldEmployer", rows, r -> r.disclosedEmployer() == null ? null
                : !"no".equals(r.disclosedEmployer()), 78.0));
        table.add(mean("report.row.reactionEmployer", rows, r -> number(r.reactionEmployer()), 8.4));
        table.add(percent("report.row.toldColleagues", rows, r -> r.disclosedColleagues() == null ? null
                : !"no".equals(r.disclosedColleagues()), 58.0));
        table.add(mean("report.row.reactionColleagues", rows, r -> number(r.reactionColleagues()), 7.9));
        table.add(mean("report.row.coachValue", rows, r -> number(r.coachValue()), 8.2));
        table.add(mean("report.row.hoursFirst", rows, Row::hoursFirst, 4.8));
        table.add(mean("report.row.employeeHoursFirst", rows, Row::employeeHoursFirst, null));
        table.add(mean("report.row.employerHoursFirst", rows, Row::employerHoursFirst, null));
        table.add(mean("report.row.hoursSecond", rows, Row::hoursSecond, 3.7));
        table.add(mean("report.row.employeeHoursSecond", rows, Row::employeeHoursSecond, null));
        table.add(mean("report.row.employerHoursSecond", rows, Row::employerHoursSecond, null));
        table.add(percent("report.row.retained", rows, Row::retained, 88.0));
        table.add(percent("report.row.positiveDevelopment", rows, Row::positiveDevelopment, 25.0));
        table.add(mean("report.row.capabilitySet", rows, r -> number(r.capabilitySet()), null));
        return table;
    }

    private static Double number(Integer value) {
        return value == null ? null : value.doubleValue();
    }

    private static Measure mean(String key, List<Row> rows, Function<Row, Double> value, Double study) {
        double[] values = rows.stream().map(value).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .toArray();
        if (!SmallCellRule.allowsEstimateFrom(values.length)) {
            return Measure.suppressed(key, Kind.MEAN, values.length, study);
        }
        var summary = Summary.of(values);
        return new Measure(key, Kind.MEAN, true, summary.mean(), summary.meanLower(), summary.meanUpper(),
                summary.n(), study);
    }

    private static Measure percent(String key, List<Row> rows, Function<Row, Boolean> value, Double study) {
        var answers = rows.stream().map(value).filter(Objects::nonNull).toList();
        int yes = (int) answers.stream().filter(Boolean::booleanValue).count();
        // A share of at least 10 persons, as the rule says; the counts behind it are not published, so a
        // share tells how many, never who.
        if (!SmallCellRule.allowsEstimateFrom(answers.size())) {
            return Measure.suppressed(key, Kind.PERCENT, answers.size(), study);
        }
        var proportion = Proportion.of(yes, answers.size());
        return new Measure(key, Kind.PERCENT, true, 100 * proportion.estimate(), 100 * proportion.lower(),
                100 * proportion.upper(), answers.size(), study);
    }

    // ---- work values ----

    private static List<WorkValueRow> workValues(List<ReportQuery.WorkValueSums> sums) {
        Map<String, ReportQuery.WorkValueSums> first = new HashMap<>();
        Map<String, ReportQuery.WorkValueSums> later = new HashMap<>();
        sums.forEach(s -> (s.wave().equals("T0") ? first : later).put(s.workValue(), s));
        List<WorkValueRow> rows = new ArrayList<>();
        for (String value : WORK_VALUES) {
            var t0 = first.get(value);
            if (t0 == null || !SmallCellRule.allowsEstimateFrom(t0.n())) {
                rows.add(new WorkValueRow(value, false, Double.NaN, Double.NaN, null, null, t0 == null ? 0 : t0.n()));
                continue;
            }
            var t2 = later.get(value);
            Double achievedLater = t2 != null && SmallCellRule.allowsEstimateFrom(t2.n())
                    ? (double) t2.achieved() / t2.n() : null;
            var gapShare = SmallCellRule.percentage(t0.gaps(), t0.n());
            rows.add(new WorkValueRow(value, true, (double) t0.important() / t0.n(),
                    (double) t0.achieved() / t0.n(), achievedLater, gapShare.shown() ? gapShare.value() : null,
                    t0.n()));
        }
        rows.sort(Comparator.comparing((WorkValueRow r) -> !r.shown())
                .thenComparing(Comparator.comparingDouble(WorkValueRow::gap).reversed()));
        return rows;
    }

    // ---- hours over time ----

    private List<MonthRow> months(List<Row> rows, List<ReportQuery.MonthSums> sums) {
        YearMonth now = YearMonth.now(clock);
        // Month n is reached by the trajectories whose month of starting plus n months is not after this month: count
        // them from each trajectory's months since its start, computed once (not once per month and trajectory).
        long thisMonth = now.getYear() * 12L + now.getMonthValue();
        long[] elapsed = new long[rows.size()];
        for (int i = 0; i < elapsed.length; i++) {
            LocalDate start = rows.get(i).coachingStartedOn();
            elapsed[i] = thisMonth - (start.getYear() * 12L + start.getMonthValue());
        }
        Arrays.sort(elapsed);
        List<MonthRow> months = new ArrayList<>();
        for (var sum : sums) {
            int reached = atLeast(elapsed, sum.month());
            boolean shown = SmallCellRule.allowsEstimateFrom(reached);
            months.add(new MonthRow(sum.month(), shown, shown ? sum.employeeMinutes() / 60.0 / reached : Double.NaN,
                    shown ? sum.employerMinutes() / 60.0 / reached : Double.NaN,
                    shown ? sum.otherMinutes() / 60.0 / reached : Double.NaN, reached));
        }
        return months;
    }

    /** How many of the sorted values are at least {@code bound}. */
    private static int atLeast(long[] sorted, long bound) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < bound) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return sorted.length - low;
    }

    // ---- associations ----

    private record Variable(String key, Function<Row, Double> value) {
    }

    private static final List<Variable> PREDICTORS = List.of(
            new Variable("intensity", Row::hoursFirst),
            new Variable("jobFit", r -> number(r.jobFit())),
            new Variable("rapport", r -> r.rapport() == null ? null : r.rapport().doubleValue()),
            new Variable("fitWishes", r -> r.fitWishes() == null ? null : r.fitWishes().doubleValue()));

    private static List<Association> associations(List<Row> rows) {
        List<Association> associations = new ArrayList<>();
        for (Variable predictor : PREDICTORS) {
            associations.add(logistic(predictor, "retained", rows, Row::retained));
            associations.add(logistic(predictor, "positiveDevelopment", rows, Row::positiveDevelopment));
            associations.add(correlation(predictor, rows));
        }
        return associations;
    }

    private static Association logistic(Variable predictor, String outcome, List<Row> rows,
            Function<Row, Boolean> value) {
        // The complete cases in one pass, each value read once (the report has up to 200,000 rows).
        double[] y = new double[rows.size()];
        double[] x = new double[rows.size()];
        int n = 0;
        for (Row row : rows) {
            Double p = predictor.value().apply(row);
            Boolean o = value.apply(row);
            if (p != null && o != null) {
                y[n] = o ? 1 : 0;
                x[n++] = p;
            }
        }
        y = Arrays.copyOf(y, n);
        x = Arrays.copyOf(x, n);
        int events = (int) Math.round(Arrays.stream(y).sum());
        if (!SmallCellRule.allowsEstimateFrom(n)) {
            return notShown(predictor.key(), outcome, "oddsRatio", n);
        }
        var fit = LogisticRegression.fit(y, Predictor.of(predictor.key(), x));
        var coefficient = fit.estimable() ? fit.coefficient(predictor.key()).orElse(null) : null;
        if (coefficient == null) {
            return new Association(predictor.key(), outcome, "oddsRatio", false, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, n, true, "report.reading.notEstimable");
        }
        boolean small = n < SMALL_N || fit.fewEventsPerPredictor() || events < SmallCellRule.MINIMUM_CELL_SIZE
                || n - events < SmallCellRule.MINIMUM_CELL_SIZE;
        return new Association(predictor.key(), outcome, "oddsRatio", true, coefficient.oddsRatio(),
                coefficient.oddsRatioLower(), coefficient.oddsRatioUpper(), coefficient.pValue(), n, small,
                reading(coefficient.pValue(), coefficient.estimate()));
    }

    private static Association correlation(Variable predictor, List<Row> rows) {
        double[] x = new double[rows.size()];
        double[] c = new double[rows.size()];
        int n = 0;
        for (Row row : rows) {
            Double p = predictor.value().apply(row);
            if (p != null && row.capabilitySet() != null) {
                x[n] = p;
                c[n++] = row.capabilitySet();
            }
        }
        if (!SmallCellRule.allowsEstimateFrom(n)) {
            return notShown(predictor.key(), "capabilitySet", "correlation", n);
        }
        var r = Correlation.pearson(Arrays.copyOf(x, n), Arrays.copyOf(c, n));
        if (!r.estimable()) {
            return new Association(predictor.key(), "capabilitySet", "correlation", false, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, n, true, "report.reading.notEstimable");
        }
        return new Association(predictor.key(), "capabilitySet", "correlation", true, r.r(), r.lower(), r.upper(),
                r.pValue(), r.n(), n < SMALL_N, reading(r.pValue(), r.r()));
    }

    private static Association notShown(String predictor, String outcome, String measure, int n) {
        return new Association(predictor, outcome, measure, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n,
                true, "report.reading.tooFew");
    }

    /** Positive, negative or no clear association, at the 5% level. */
    private static String reading(double pValue, double direction) {
        if (pValue >= 0.05) {
            return "report.reading.none";
        }
        return direction > 0 ? "report.reading.positive" : "report.reading.negative";
    }

}
