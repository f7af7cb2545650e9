package nl.jobcoachmonitor.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import nl.jobcoachmonitor.analytics.CellKeyPerturbation.Bounds;
import nl.jobcoachmonitor.analytics.CellKeyPerturbation.CellKey;
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
import nl.jobcoachmonitor.trajectory.MonthsOfCoaching;

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
    private final RecordKeys recordKeys;
    private final PersonalDataAccess access;
    private final Clock clock;

    AnalyticsManagement(ReportQuery query, RecordKeys recordKeys, PersonalDataAccess access, Clock clock) {
        this.query = query;
        this.recordKeys = recordKeys;
        this.access = access;
        this.clock = clock;
    }

    // The fixed bounds of each variable (INSTRUMENTS.md and the domain); values outside count as the bound.
    static final Bounds AGE = new Bounds(16, 40);
    static final Bounds CONTRACT_HOURS = new Bounds(0, 40);
    static final Bounds GRADE = new Bounds(1, 10);
    static final Bounds HOURS_PER_MONTH = new Bounds(0, 20);
    static final Bounds CAPABILITY_SET = new Bounds(0, 7);
    static final Bounds FIVE_POINT = new Bounds(1, 5);

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
        List<Row> rows = query.rows(scope, filter);
        logSearch(filter, rows);
        if (user.role() != Role.MANAGER && !rows.isEmpty()
                && (distinct(rows, Row::coachId) < 2 || distinct(rows, Row::employerId) < 2)) {
            return StudyReport.refused(filter, "report.refused.narrow");
        }
        long[] keys = new long[rows.size()];
        CellKey all = CellKey.EMPTY;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = recordKeys.trajectory(rows.get(i).trajectoryId());
            all = all.plus(keys[i]);
        }
        CellKey coaches = CellKey.EMPTY;
        var coachIds = rows.stream().map(Row::coachId).distinct().toList();
        for (long coach : coachIds) {
            coaches = coaches.plus(recordKeys.coach(coach));
        }
        return new StudyReport(filter, null, CellKeyPerturbation.publishedCount(rows.size(), all),
                CellKeyPerturbation.publishedCount(coachIds.size(), coaches), table(rows, keys),
                workValues(query.workValues(scope, filter, WORK_VALUES)), months(rows, keys, query.months(scope,
                        filter)), associations(rows, keys));
    }

    /**
     * The report's search in the access log, once for every organisation whose trajectories it read, so that
     * organisation's privacy officer sees it; once without an organisation when it read none.
     */
    private void logSearch(ReportFilter filter, List<Row> rows) {
        var organisations = rows.stream().map(Row::organisationId).distinct().sorted().toList();
        if (organisations.isEmpty()) {
            access.searched("study_report", describe(filter));
        }
        for (long organisation : organisations) {
            access.searched("study_report", describe(filter), organisation);
        }
    }

    /**
     * The selection, short enough for the log's object id (60 characters): the months, then the age band, phase and
     * commissioner when chosen, e.g. {@code 2026-01..2026-06;FROM_30;COACHING}.
     */
    static String describe(ReportFilter f) {
        StringBuilder s = new StringBuilder().append(f.from() == null ? "" : f.from()).append("..")
                .append(f.to() == null ? "" : f.to());
        if (f.ageBand() != null) {
            s.append(';').append(f.ageBand());
        }
        if (f.phase() != null) {
            s.append(';').append(f.phase());
        }
        if (f.commissionerId() != null) {
            s.append(";c").append(f.commissionerId());
        }
        return s.toString();
    }

    private static long distinct(List<Row> rows, Function<Row, Object> key) {
        return rows.stream().map(key).filter(Objects::nonNull).distinct().count();
    }

    // ---- the study's table ----

    private static List<Measure> table(List<Row> rows, long[] keys) {
        List<Measure> table = new ArrayList<>();
        table.add(mean("report.row.age", rows, keys, r -> (double) r.age(), AGE, 30.0));
        table.add(mean("report.row.contractHours", rows, keys,
                r -> r.contractHours() == null ? null : r.contractHours().doubleValue(), CONTRACT_HOURS, 24.0));
        table.add(percent("report.row.toldEmployer", rows, keys, r -> r.disclosedEmployer() == null ? null
                : !"no".equals(r.disclosedEmployer()), 78.0));
        table.add(mean("report.row.reactionEmployer", rows, keys, r -> number(r.reactionEmployer()), GRADE, 8.4));
        table.add(percent("report.row.toldColleagues", rows, keys, r -> r.disclosedColleagues() == null ? null
                : !"no".equals(r.disclosedColleagues()), 58.0));
        table.add(mean("report.row.reactionColleagues", rows, keys, r -> number(r.reactionColleagues()), GRADE,
                7.9));
        table.add(mean("report.row.coachValue", rows, keys, r -> number(r.coachValue()), GRADE, 8.2));
        table.add(mean("report.row.hoursFirst", rows, keys, Row::hoursFirst, HOURS_PER_MONTH, 4.8));
        table.add(mean("report.row.employeeHoursFirst", rows, keys, Row::employeeHoursFirst, HOURS_PER_MONTH, null));
        table.add(mean("report.row.employerHoursFirst", rows, keys, Row::employerHoursFirst, HOURS_PER_MONTH, null));
        table.add(mean("report.row.hoursSecond", rows, keys, Row::hoursSecond, HOURS_PER_MONTH, 3.7));
        table.add(mean("report.row.employeeHoursSecond", rows, keys, Row::employeeHoursSecond, HOURS_PER_MONTH,
                null));
        table.add(mean("report.row.employerHoursSecond", rows, keys, Row::employerHoursSecond, HOURS_PER_MONTH,
                null));
        table.add(percent("report.row.retained", rows, keys, Row::retained, 88.0));
        table.add(percent("report.row.positiveDevelopment", rows, keys, Row::positiveDevelopment, 25.0));
        table.add(mean("report.row.capabilitySet", rows, keys, r -> number(r.capabilitySet()), CAPABILITY_SET,
                null));
        return table;
    }

    private static Double number(Integer value) {
        return value == null ? null : value.doubleValue();
    }

    private static Measure mean(String key, List<Row> rows, long[] keys, Function<Row, Double> value, Bounds bounds,
            Double study) {
        double[] values = new double[rows.size()];
        int n = 0;
        CellKey cell = CellKey.EMPTY;
        for (int i = 0; i < values.length; i++) {
            Double v = value.apply(rows.get(i));
            if (v != null) {
                values[n++] = v;
                cell = cell.plus(keys[i]);
            }
        }
        var published = CellKeyPerturbation.mean(Arrays.copyOf(values, n), bounds, cell, key);
        if (!published.shown()) {
            return Measure.suppressed(key, Kind.MEAN, study);
        }
        return new Measure(key, Kind.MEAN, true, published.value(), published.lower(), published.upper(),
                published.n(), study);
    }

    private static Measure percent(String key, List<Row> rows, long[] keys, Function<Row, Boolean> value,
            Double study) {
        int yes = 0;
        int no = 0;
        CellKey yesKey = CellKey.EMPTY;
        CellKey noKey = CellKey.EMPTY;
        for (int i = 0; i < keys.length; i++) {
            Boolean answer = value.apply(rows.get(i));
            if (Boolean.TRUE.equals(answer)) {
                yes++;
                yesKey = yesKey.plus(keys[i]);
            } else if (Boolean.FALSE.equals(answer)) {
                no++;
                noKey = noKey.plus(keys[i]);
            }
        }
        var published = CellKeyPerturbation.percentage(yes, yesKey, no, noKey);
        if (!published.shown()) {
            return Measure.suppressed(key, Kind.PERCENT, study);
        }
        return new Measure(key, Kind.PERCENT, true, published.value(), published.lower(), published.upper(),
                published.n(), study);
    }

    // ---- work values ----

    private List<WorkValueRow> workValues(List<ReportQuery.WorkValueAnswers> answers) {
        List<WorkValueRow> rows = new ArrayList<>();
        for (int k = 0; k < WORK_VALUES.size(); k++) {
            String value = WORK_VALUES.get(k);
            int n = 0;
            int later = 0;
            long important = 0;
            long achieved = 0;
            long achievedLater = 0;
            int gaps = 0;
            CellKey key = CellKey.EMPTY;
            CellKey laterKey = CellKey.EMPTY;
            CellKey gapKey = CellKey.EMPTY;
            CellKey noGapKey = CellKey.EMPTY;
            for (var a : answers) {
                if (a.important()[k] == 0) {
                    continue;
                }
                long recordKey = recordKeys.trajectory(a.trajectoryId());
                if (a.wave().equals("T0")) {
                    n++;
                    important += a.important()[k];
                    achieved += a.achieved()[k];
                    key = key.plus(recordKey);
                    if (a.important()[k] >= 4 && a.achieved()[k] <= 3) {
                        gaps++;
                        gapKey = gapKey.plus(recordKey);
                    } else {
                        noGapKey = noGapKey.plus(recordKey);
                    }
                } else {
                    later++;
                    achievedLater += a.achieved()[k];
                    laterKey = laterKey.plus(recordKey);
                }
            }
            if (!CellKeyPerturbation.publishable(n, key)) {
                rows.add(new WorkValueRow(value, false, Double.NaN, Double.NaN, null, null, 0));
                continue;
            }
            String salt = "workValue." + value;
            double laterMean = CellKeyPerturbation.mean(achievedLater, later, FIVE_POINT, laterKey,
                    salt + ".achievedLater");
            var gapShare = CellKeyPerturbation.percentage(gaps, gapKey, n - gaps, noGapKey);
            rows.add(new WorkValueRow(value, true,
                    CellKeyPerturbation.mean(important, n, FIVE_POINT, key, salt + ".important"),
                    CellKeyPerturbation.mean(achieved, n, FIVE_POINT, key, salt + ".achieved"),
                    Double.isNaN(laterMean) ? null : laterMean, gapShare.shown() ? gapShare.value() : null,
                    CellKeyPerturbation.count(n, key)));
        }
        rows.sort(Comparator.comparing((WorkValueRow r) -> !r.shown())
                .thenComparing(Comparator.comparingDouble(WorkValueRow::gap).reversed()));
        return rows;
    }

    // ---- hours over time ----

    private List<MonthRow> months(List<Row> rows, long[] keys, List<ReportQuery.MonthSums> sums) {
        LocalDate today = LocalDate.now(clock);
        // Month n is reached by the trajectories whose start day plus n months is not after today (MonthsOfCoaching,
        // as the hours are counted): count them (and add up their record keys) from each trajectory's months since its
        // start, sorted once.
        Integer[] order = new Integer[rows.size()];
        long[] elapsed = new long[rows.size()];
        for (int i = 0; i < elapsed.length; i++) {
            elapsed[i] = MonthsOfCoaching.index(rows.get(i).coachingStartedOn(), today);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> elapsed[i]));
        long[] sorted = new long[order.length];
        long[] keysFrom = new long[order.length + 1];
        for (int i = order.length - 1; i >= 0; i--) {
            sorted[i] = elapsed[order[i]];
            keysFrom[i] = keysFrom[i + 1] + keys[order[i]];
        }
        List<MonthRow> months = new ArrayList<>();
        for (var sum : sums) {
            int first = firstAtLeast(sorted, sum.month());
            int reached = sorted.length - first;
            CellKey key = new CellKey(keysFrom[first]);
            boolean shown = CellKeyPerturbation.publishable(reached, key);
            String salt = "report.months." + sum.month();
            months.add(new MonthRow(sum.month(), shown,
                    shown ? monthMean(sum.employeeMinutes(), reached, key, salt + ".employee") : Double.NaN,
                    shown ? monthMean(sum.employerMinutes(), reached, key, salt + ".employer") : Double.NaN,
                    shown ? monthMean(sum.otherMinutes(), reached, key, salt + ".other") : Double.NaN,
                    shown ? CellKeyPerturbation.count(reached, key) : 0));
        }
        return months;
    }

    private static double monthMean(long minutes, int n, CellKey key, String salt) {
        return CellKeyPerturbation.mean(minutes / 60.0, n, HOURS_PER_MONTH, key, salt);
    }

    /** The index of the first of the sorted values that is at least {@code bound}. */
    private static int firstAtLeast(long[] sorted, long bound) {
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
        return low;
    }

    // ---- associations ----

    private record Variable(String key, Function<Row, Double> value, Bounds bounds) {
    }

    private static final List<Variable> PREDICTORS = List.of(
            new Variable("intensity", Row::hoursFirst, HOURS_PER_MONTH),
            new Variable("jobFit", r -> number(r.jobFit()), GRADE),
            new Variable("rapport", r -> r.rapport() == null ? null : r.rapport().doubleValue(), FIVE_POINT),
            new Variable("fitWishes", r -> r.fitWishes() == null ? null : r.fitWishes().doubleValue(), FIVE_POINT));

    private static List<Association> associations(List<Row> rows, long[] keys) {
        List<Association> associations = new ArrayList<>();
        for (Variable predictor : PREDICTORS) {
            associations.add(logistic(predictor, "retained", rows, keys, Row::retained));
            associations.add(logistic(predictor, "positiveDevelopment", rows, keys, Row::positiveDevelopment));
            associations.add(correlation(predictor, rows, keys));
        }
        return associations;
    }

    /**
     * The odds ratio on the protected basis: {@code β' = β + D · SE(β)}, {@code OR = exp(β')}, the interval {@code
     * exp(β' ± 1.96 · SE)} and p from {@code β' / SE}; OR and bounds to two decimals, p to three; n perturbed.
     */
    private static Association logistic(Variable predictor, String outcome, List<Row> rows, long[] keys,
            Function<Row, Boolean> value) {
        // The complete cases in one pass, each value read once (the report has up to 200,000 rows).
        double[] y = new double[rows.size()];
        double[] x = new double[rows.size()];
        int n = 0;
        int events = 0;
        CellKey key = CellKey.EMPTY;
        CellKey eventKey = CellKey.EMPTY;
        for (int i = 0; i < keys.length; i++) {
            Row row = rows.get(i);
            Double p = predictor.value().apply(row);
            Boolean o = value.apply(row);
            if (p != null && o != null) {
                y[n] = o ? 1 : 0;
                x[n++] = predictor.bounds().clamp(p);
                key = key.plus(keys[i]);
                if (o) {
                    events++;
                    eventKey = eventKey.plus(keys[i]);
                }
            }
        }
        if (!CellKeyPerturbation.publishable(n, key)) {
            return notShown(predictor.key(), outcome, "oddsRatio");
        }
        var fit = LogisticRegression.fit(Arrays.copyOf(y, n), Predictor.of(predictor.key(), Arrays.copyOf(x, n)));
        var coefficient = fit.estimable() ? fit.coefficient(predictor.key()).orElse(null) : null;
        int published = CellKeyPerturbation.count(n, key);
        if (coefficient == null || !Double.isFinite(coefficient.standardError())) {
            return new Association(predictor.key(), outcome, "oddsRatio", false, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, published, true, "report.reading.notEstimable");
        }
        double se = coefficient.standardError();
        double beta = CellKeyPerturbation.shift(coefficient.estimate(), se, key,
                "association." + predictor.key() + "." + outcome);
        double p = Distributions.twoSidedNormal(beta / se);
        int publishedEvents = CellKeyPerturbation.count(events, eventKey);
        boolean small = published < SMALL_N || publishedEvents < SmallCellRule.MINIMUM_CELL_SIZE
                || published - publishedEvents < SmallCellRule.MINIMUM_CELL_SIZE;
        double half = Distributions.Z_975 * se;
        return new Association(predictor.key(), outcome, "oddsRatio", true, round(Math.exp(beta), 2),
                round(Math.exp(beta - half), 2), round(Math.exp(beta + half), 2), round(p, 3), published, small,
                reading(p, beta));
    }

    /**
     * The correlation on the protected basis, on Fisher's z scale: {@code z' = z + D / √(n − 3)}, {@code r' =
     * tanh(z')}, the interval {@code tanh(z' ± 1.96 / √(n − 3))} and p from {@code z' · √(n − 3)}; r and bounds to two
     * decimals, p to three; n perturbed.
     */
    private static Association correlation(Variable predictor, List<Row> rows, long[] keys) {
        double[] x = new double[rows.size()];
        double[] c = new double[rows.size()];
        int n = 0;
        CellKey key = CellKey.EMPTY;
        for (int i = 0; i < keys.length; i++) {
            Row row = rows.get(i);
            Double p = predictor.value().apply(row);
            if (p != null && row.capabilitySet() != null) {
                x[n] = predictor.bounds().clamp(p);
                c[n++] = CAPABILITY_SET.clamp(row.capabilitySet());
                key = key.plus(keys[i]);
            }
        }
        if (!CellKeyPerturbation.publishable(n, key)) {
            return notShown(predictor.key(), "capabilitySet", "correlation");
        }
        var r = Correlation.pearson(Arrays.copyOf(x, n), Arrays.copyOf(c, n));
        int published = CellKeyPerturbation.count(n, key);
        if (!r.estimable()) {
            return new Association(predictor.key(), "capabilitySet", "correlation", false, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, published, true, "report.reading.notEstimable");
        }
        double se = 1 / Math.sqrt(n - 3);
        double z = CellKeyPerturbation.shift(atanh(Math.max(-0.999999, Math.min(0.999999, r.r()))), se, key,
                "association." + predictor.key() + ".capabilitySet");
        double p = Distributions.twoSidedNormal(z / se);
        double half = Distributions.Z_975 * se;
        return new Association(predictor.key(), "capabilitySet", "correlation", true, round(Math.tanh(z), 2),
                round(Math.tanh(z - half), 2), round(Math.tanh(z + half), 2), round(p, 3), published,
                published < SMALL_N, reading(p, z));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static double round(double value, int decimals) {
        return CellKeyPerturbation.round(value, decimals);
    }

    private static Association notShown(String predictor, String outcome, String measure) {
        return new Association(predictor, outcome, measure, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
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
