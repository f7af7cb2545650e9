package nl.jobcoachmonitor.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import nl.jobcoachmonitor.analytics.CellKeyPerturbation.Bounds;
import nl.jobcoachmonitor.analytics.CellKeyPerturbation.CellKey;
import nl.jobcoachmonitor.analytics.ReportQuery.Population;
import nl.jobcoachmonitor.analytics.ReportQuery.Scope;
import nl.jobcoachmonitor.analytics.StudyReport.AdjustedModel;
import nl.jobcoachmonitor.analytics.StudyReport.Association;
import nl.jobcoachmonitor.analytics.StudyReport.SummaryLine;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analytics module's public API: the study report for the population a manager (the organisation), a commissioner
 * (the trajectories it commissions) or a researcher (all, the overall report) may see, only in aggregate. For a
 * commissioner or researcher, a selection that narrows to one coach or one employer is refused: it would describe a
 * person.
 *
 * <p>A report holds a database connection only while it reads (the population and the months, in one read-only
 * transaction), not while it computes, and at most {@code jcm.report.concurrent} reports are computed at once
 * ({@link ReportGate}): a researcher's overall report takes seconds of CPU and a few hundred MB of rows, and without
 * the limit a handful of them at once took the pool's connections and the heap from the coaches' pages.
 */
@Service
public class AnalyticsManagement {

    /** An association on fewer persons (or yes/no outcomes with fewer events per predictor) gets a warning. */
    static final int SMALL_N = 30;

    static final List<String> WORK_VALUES = List.of("use_skills", "develop_skills", "decisions", "contacts",
            "own_goals", "income", "contribute");

    private final ReportQuery query;
    private final RecordKeys recordKeys;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final ReportGate gate;
    private final TransactionTemplate reading;

    AnalyticsManagement(ReportQuery query, RecordKeys recordKeys, PersonalDataAccess access, Clock clock,
            ReportGate gate, PlatformTransactionManager transactions) {
        this.query = query;
        this.gate = gate;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
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
        Scope chosen = scope;
        ReportFilter selection = filter;
        boolean manager = user.role() == Role.MANAGER;
        Computed computed = gate.computing(new ReportKey(chosen, selection, manager),
                () -> compute(manager, chosen, selection));
        logSearch(filter, computed.organisations());
        return computed.report();
    }

    /** What makes a report: the population, the selection, and whether narrow selections are refused. */
    private record ReportKey(Scope scope, ReportFilter filter, boolean manager) {
    }

    /** A report, and the organisations whose trajectories it read (for the access log of each request). */
    private record Computed(StudyReport report, List<Long> organisations) {
    }

    private Computed compute(boolean manager, Scope scope, ReportFilter filter) {
        record Read(Population rows, List<ReportQuery.MonthSums> months) {
        }
        Read read = reading.execute(status -> new Read(query.population(scope, filter, WORK_VALUES),
                query.months(scope, filter)));
        Population rows = read.rows();
        List<Long> organisations = Arrays.stream(sortedDistinct(rows.organisationId, rows.size())).boxed().toList();
        if (!manager && !rows.isEmpty()
                && (distinct(rows.coachId, rows.size(), Long.MIN_VALUE) < 2
                        || distinct(rows.employerId, rows.size(), ReportQuery.NO_EMPLOYER) < 2)) {
            return new Computed(StudyReport.refused(filter, "report.refused.narrow"), organisations);
        }
        long[] keys = recordKeys.trajectories(rows.trajectoryId, rows.size());
        CellKey all = new CellKey(sum(keys));
        Cell trajectories = CellKeyPerturbation.publishedCount(rows.size(), all);
        if (!CellKeyPerturbation.publishable(rows.size(), all)) {
            // under 10 persons (none included) nothing at all is shown: one message instead of suppressed rows
            return new Computed(StudyReport.refused(filter, "report.tooFewPersons"), organisations);
        }
        long coaches = 0;
        long[] coachIds = sortedDistinct(rows.coachId, rows.size());
        for (long coach : coachIds) {
            coaches += recordKeys.coach(coach);
        }
        var table = table(rows, keys);
        var associations = associations(rows, keys);
        return new Computed(new StudyReport(filter, null, trajectories,
                CellKeyPerturbation.publishedCount(coachIds.length, new CellKey(coaches)), table,
                workValues(rows, keys), months(rows, keys, read.months()), associations.associations(),
                associations.models(), summary(table, associations.associations())), organisations);
    }

    /**
     * The plain-language summary for managers and commissioners, from the published figures only: retention,
     * positive development and the coach's grade against the study, then per outcome what goes with it after
     * adjustment for the other characteristics (or that there are too few data to say).
     */
    private static List<SummaryLine> summary(List<Measure> table, List<Association> associations) {
        List<SummaryLine> lines = new ArrayList<>();
        for (Measure m : table) {
            if (m.shown() && List.of("report.row.retained", "report.row.positiveDevelopment", "report.row.coachValue")
                    .contains(m.key())) {
                lines.add(SummaryLine.figure("report.summary." + m.key().substring("report.row.".length()),
                        m.value(), m.study()));
            }
        }
        for (String outcome : List.of("retained", "positiveDevelopment", AssociationModels.CAPABILITY_SET)) {
            var adjusted = associations.stream().filter(a -> a.outcome().equals(outcome) && a.adjusted()).toList();
            var clear = adjusted.stream().filter(a -> a.shown() && !a.reading().equals("report.reading.none"))
                    .toList();
            if (adjusted.stream().noneMatch(Association::shown)) {
                lines.add(SummaryLine.about("report.summary.tooFew", null, outcome));
            } else if (clear.isEmpty()) {
                lines.add(SummaryLine.about("report.summary.none", null, outcome));
            } else {
                clear.forEach(a -> lines.add(SummaryLine.about(a.reading().equals("report.reading.positive")
                        ? "report.summary.positive" : "report.summary.negative", a.predictor(), outcome)));
            }
        }
        return lines;
    }

    /**
     * The report's search in the access log, once for every organisation whose trajectories it read, so that
     * organisation's privacy officer sees it; once without an organisation when it read none.
     */
    private void logSearch(ReportFilter filter, List<Long> organisations) {
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

    /** How many different values the first {@code n} of a column has, leaving out {@code missing}. */
    private static long distinct(long[] column, int n, long missing) {
        long[] values = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (column[i] != missing) {
                values[m++] = column[i];
            }
        }
        return sortedDistinct(values, m).length;
    }

    /** The different values of the first {@code n} of a column, ascending. */
    private static long[] sortedDistinct(long[] column, int n) {
        long[] sorted = Arrays.copyOf(column, n);
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }

    /** The sum, mod 2<sup>64</sup>, of record keys: a cell key. */
    private static long sum(long[] keys) {
        long sum = 0;
        for (long key : keys) {
            sum += key;
        }
        return sum;
    }

    // ---- the study's table ----

    private static List<Measure> table(Population rows, long[] keys) {
        List<Measure> table = new ArrayList<>();
        double[] age = new double[rows.size()];
        for (int i = 0; i < age.length; i++) {
            age[i] = rows.age[i];
        }
        table.add(mean("report.row.age", age, keys, AGE, 30.0));
        table.add(mean("report.row.contractHours", rows.contractHours, keys, CONTRACT_HOURS, 24.0));
        table.add(percent("report.row.toldEmployer", told(rows.disclosedEmployer, keys.length), keys, 78.0));
        table.add(mean("report.row.reactionEmployer", rows.reactionEmployer, keys, GRADE, 8.4));
        table.add(percent("report.row.toldColleagues", told(rows.disclosedColleagues, keys.length), keys, 58.0));
        table.add(mean("report.row.reactionColleagues", rows.reactionColleagues, keys, GRADE, 7.9));
        table.add(mean("report.row.coachValue", rows.coachValue, keys, GRADE, 8.2));
        table.add(mean("report.row.hoursFirst", rows.hoursFirst, keys, HOURS_PER_MONTH, 4.8));
        table.add(mean("report.row.employeeHoursFirst", rows.employeeHoursFirst, keys, HOURS_PER_MONTH, null));
        table.add(mean("report.row.employerHoursFirst", rows.employerHoursFirst, keys, HOURS_PER_MONTH, null));
        table.add(mean("report.row.hoursSecond", rows.hoursSecond, keys, HOURS_PER_MONTH, 3.7));
        table.add(mean("report.row.employeeHoursSecond", rows.employeeHoursSecond, keys, HOURS_PER_MONTH, null));
        table.add(mean("report.row.employerHoursSecond", rows.employerHoursSecond, keys, HOURS_PER_MONTH, null));
        table.add(percent("report.row.retained", rows.retained, keys, 88.0));
        table.add(percent("report.row.positiveDevelopment", rows.positiveDevelopment, keys, 25.0));
        table.add(mean("report.row.capabilitySet", rows.capabilitySet, keys, CAPABILITY_SET, null));
        return table;
    }

    /** Whether the employee told (yes or partly: 1), did not (0) or it is not known (-1). */
    private static byte[] told(String[] disclosed, int n) {
        byte[] told = new byte[n];
        for (int i = 0; i < n; i++) {
            told[i] = disclosed[i] == null ? (byte) -1 : "no".equals(disclosed[i]) ? (byte) 0 : (byte) 1;
        }
        return told;
    }

    /** The mean of a column's known values ({@code NaN} is not known). */
    private static Measure mean(String key, double[] column, long[] keys, Bounds bounds, Double study) {
        double[] values = new double[keys.length];
        int n = 0;
        long cell = 0;
        for (int i = 0; i < values.length; i++) {
            double v = column[i];
            if (!Double.isNaN(v)) {
                values[n++] = v;
                cell += keys[i];
            }
        }
        var published = CellKeyPerturbation.mean(Arrays.copyOf(values, n), bounds, new CellKey(cell), key);
        if (!published.shown()) {
            return Measure.suppressed(key, Kind.MEAN, study);
        }
        return new Measure(key, Kind.MEAN, true, published.value(), published.lower(), published.upper(),
                published.n(), study);
    }

    /** The percentage yes of a yes/no column (1 yes, 0 no, -1 not known). */
    private static Measure percent(String key, byte[] column, long[] keys, Double study) {
        int yes = 0;
        int no = 0;
        long yesKey = 0;
        long noKey = 0;
        for (int i = 0; i < keys.length; i++) {
            if (column[i] == 1) {
                yes++;
                yesKey += keys[i];
            } else if (column[i] == 0) {
                no++;
                noKey += keys[i];
            }
        }
        var published = CellKeyPerturbation.percentage(yes, new CellKey(yesKey), no, new CellKey(noKey));
        if (!published.shown()) {
            return Measure.suppressed(key, Kind.PERCENT, study);
        }
        return new Measure(key, Kind.PERCENT, true, published.value(), published.lower(), published.upper(),
                published.n(), study);
    }

    // ---- work values ----

    private List<WorkValueRow> workValues(Population population, long[] keys) {
        List<WorkValueRow> rows = new ArrayList<>();
        for (int k = 0; k < WORK_VALUES.size(); k++) {
            String value = WORK_VALUES.get(k);
            int n = 0;
            int later = 0;
            long important = 0;
            long achieved = 0;
            long achievedLater = 0;
            int gaps = 0;
            long t0Key = 0;
            long t2Key = 0;
            long gapSum = 0;
            long noGapSum = 0;
            byte[] importantT0 = population.importantT0[k];
            byte[] achievedT0 = population.achievedT0[k];
            byte[] importantT2 = population.importantT2[k];
            byte[] achievedT2 = population.achievedT2[k];
            for (int i = 0; i < keys.length; i++) {
                if (population.hasT0[i] && importantT0[i] != 0) {
                    n++;
                    important += importantT0[i];
                    achieved += achievedT0[i];
                    t0Key += keys[i];
                    if (importantT0[i] >= 4 && achievedT0[i] <= 3) {
                        gaps++;
                        gapSum += keys[i];
                    } else {
                        noGapSum += keys[i];
                    }
                }
                if (population.hasT2[i] && importantT2[i] != 0) {
                    later++;
                    achievedLater += achievedT2[i];
                    t2Key += keys[i];
                }
            }
            CellKey key = new CellKey(t0Key);
            CellKey laterKey = new CellKey(t2Key);
            CellKey gapKey = new CellKey(gapSum);
            CellKey noGapKey = new CellKey(noGapSum);
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

    private List<MonthRow> months(Population rows, long[] keys, List<ReportQuery.MonthSums> sums) {
        LocalDate today = LocalDate.now(clock);
        // Month n is reached by the trajectories whose start day plus n months is not after today (MonthsOfCoaching,
        // as the hours are counted): count them (and add up their record keys) per month since their start, the
        // months from MONTHS on in one, and sum from the back.
        int[] count = new int[ReportQuery.MONTHS + 2];
        long[] keySum = new long[ReportQuery.MONTHS + 2];
        for (int i = 0; i < keys.length; i++) {
            long elapsed = MonthsOfCoaching.index(rows.coachingStartedOn(i), today);
            // bucket 0: before the first month (a start after today), b + 1: month b, MONTHS + 1: later
            int bucket = elapsed < 0 ? 0 : (int) Math.min(elapsed, ReportQuery.MONTHS) + 1;
            count[bucket]++;
            keySum[bucket] += keys[i];
        }
        for (int b = count.length - 2; b >= 0; b--) {
            count[b] += count[b + 1];
            keySum[b] += keySum[b + 1];
        }
        List<MonthRow> months = new ArrayList<>();
        for (var sum : sums) {
            // reached month m: elapsed >= m, the buckets from m + 1 on
            int bucket = Math.min(sum.month(), ReportQuery.MONTHS) + 1;
            int reached = count[bucket];
            CellKey key = new CellKey(keySum[bucket]);
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

    // ---- associations ----

    /**
     * An odds ratio's interval whose upper bound is more than this many times its lower bound says nothing: shown as
     * "too few data to say" instead of a number, for crude, adjusted and Firth alike. The ratio of the bounds is
     * {@code exp(2 · 1.96 · SE)}, so the rule is {@code SE > ln(100) / 3.92 ≈ 1.17}, whatever the estimate.
     */
    static final double MAX_INTERVAL_RATIO = 100;

    /**
     * A capability-set coefficient (points per unit of the predictor) whose interval is wider than the whole scale
     * (0–7) says nothing either.
     */
    static final double MAX_LINEAR_INTERVAL_WIDTH = 7;

    /** Whether an odds ratio with this standard error (of its log) has too wide an interval to mean anything. */
    static boolean tooWide(double standardError) {
        return Math.exp(2 * Distributions.Z_975 * standardError) > MAX_INTERVAL_RATIO;
    }

    private static Associations associations(Population rows, long[] keys) {
        var models = AssociationModels.of(rows);
        List<Association> associations = new ArrayList<>();
        List<AdjustedModel> adjustedModels = new ArrayList<>();
        for (String outcome : AssociationModels.OUTCOMES) {
            for (String predictor : AssociationModels.PREDICTORS) {
                var cases = Cases.of(models, keys, outcome, List.of(predictor));
                associations.add(cases.publishable() ? oddsRatio(predictor, outcome, "oddsRatio",
                        models.crude(outcome, predictor), cases, "association." + predictor + "." + outcome)
                        : notShown(predictor, outcome, "oddsRatio"));
            }
            var cases = Cases.of(models, keys, outcome, AssociationModels.PREDICTORS);
            LogisticFit fit = cases.publishable() ? models.adjusted(outcome) : null;
            adjustedModels.add(fit == null ? AdjustedModel.notShown(outcome)
                    : new AdjustedModel(outcome, true, cases.publishedN(), cases.publishedEvents(), method(fit)));
            for (String predictor : AssociationModels.PREDICTORS) {
                associations.add(fit == null ? notShown(predictor, outcome, "adjustedOddsRatio")
                        : oddsRatio(predictor, outcome, "adjustedOddsRatio", fit, cases,
                                "adjusted." + predictor + "." + outcome));
            }
        }
        String capability = AssociationModels.CAPABILITY_SET;
        for (String predictor : AssociationModels.PREDICTORS) {
            var cases = Cases.of(models, keys, capability, List.of(predictor));
            associations.add(cases.publishable() ? correlation(predictor, models.crudeCorrelation(predictor), cases)
                    : notShown(predictor, capability, "correlation"));
        }
        var cases = Cases.of(models, keys, capability, AssociationModels.PREDICTORS);
        LinearFit linear = cases.publishable() ? models.adjustedCapabilitySet() : null;
        adjustedModels.add(linear == null ? AdjustedModel.notShown(capability)
                : new AdjustedModel(capability, true, cases.publishedN(), -1, "ols"));
        for (String predictor : AssociationModels.PREDICTORS) {
            associations.add(linear == null ? notShown(predictor, capability, "adjustedCoefficient")
                    : coefficient(predictor, linear, cases));
        }
        return new Associations(associations, adjustedModels);
    }

    private record Associations(List<Association> associations, List<AdjustedModel> models) {
    }

    /** The complete cases of a model: how many, how many with the outcome, and their cell keys. */
    private record Cases(int n, int events, CellKey key, CellKey eventKey) {

        static Cases of(AssociationModels models, long[] keys, String outcome, List<String> predictors) {
            double[] y = models.outcome(outcome);
            double[][] x = new double[predictors.size()][];
            for (int j = 0; j < x.length; j++) {
                x[j] = models.predictors[AssociationModels.PREDICTORS.indexOf(predictors.get(j))];
            }
            int n = 0;
            int events = 0;
            long key = 0;
            long eventKey = 0;
            for (int i = 0; i < keys.length; i++) {
                if (AssociationModels.complete(i, y, x)) {
                    n++;
                    key += keys[i];
                    if (y[i] == 1) {
                        events++;
                        eventKey += keys[i];
                    }
                }
            }
            return new Cases(n, events, new CellKey(key), new CellKey(eventKey));
        }

        boolean publishable() {
            return CellKeyPerturbation.publishable(n, key);
        }

        int publishedN() {
            return CellKeyPerturbation.count(n, key);
        }

        int publishedEvents() {
            return CellKeyPerturbation.count(events, eventKey);
        }
    }

    private static String method(LogisticFit fit) {
        return fit.method() == LogisticFit.Method.FIRTH ? "firth" : "ml";
    }

    /**
     * An odds ratio on the protected basis: {@code β' = β + D · SE(β)}, {@code OR = exp(β')}, the interval {@code
     * exp(β' ± 1.96 · SE)} and p from {@code β' / SE}; OR and bounds to two decimals, p to three; n perturbed. Too wide
     * an interval ({@link #MAX_INTERVAL_RATIO}) is not shown as a number.
     */
    private static Association oddsRatio(String predictor, String outcome, String measure, LogisticFit fit,
            Cases cases, String salt) {
        var coefficient = fit.estimable() ? fit.coefficient(predictor).orElse(null) : null;
        int published = cases.publishedN();
        if (coefficient == null || !Double.isFinite(coefficient.standardError())) {
            return new Association(predictor, outcome, measure, false, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, published, true, "report.reading.notEstimable", method(fit), false);
        }
        double se = coefficient.standardError();
        double half = Distributions.Z_975 * se;
        if (tooWide(se)) {
            return new Association(predictor, outcome, measure, false, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, published, true, "report.reading.tooWide", method(fit), true);
        }
        double beta = CellKeyPerturbation.shift(coefficient.estimate(), se, cases.key(), salt);
        double p = Distributions.twoSidedNormal(beta / se);
        int publishedEvents = cases.publishedEvents();
        boolean small = published < SMALL_N || publishedEvents < SmallCellRule.MINIMUM_CELL_SIZE
                || published - publishedEvents < SmallCellRule.MINIMUM_CELL_SIZE;
        return new Association(predictor, outcome, measure, true, round(Math.exp(beta), 2),
                round(Math.exp(beta - half), 2), round(Math.exp(beta + half), 2), round(p, 3), published, small,
                reading(p, beta), method(fit), false);
    }

    /**
     * The adjusted coefficient of the capability set on the protected basis: {@code b' = b + D · SE(b)}, the interval
     * {@code b' ± t(0.975, n − 5) · SE} and p from {@code b' / SE}; to two decimals, p to three.
     */
    private static Association coefficient(String predictor, LinearFit fit, Cases cases) {
        String outcome = AssociationModels.CAPABILITY_SET;
        var coefficient = fit.estimable() ? fit.coefficient(predictor).orElse(null) : null;
        int published = cases.publishedN();
        if (coefficient == null || !Double.isFinite(coefficient.standardError())) {
            return new Association(predictor, outcome, "adjustedCoefficient", false, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, published, true, "report.reading.notEstimable", "ols", false);
        }
        double se = coefficient.standardError();
        int df = fit.n() - fit.predictors() - 1;
        double half = Distributions.t975(df) * se;
        if (2 * half > MAX_LINEAR_INTERVAL_WIDTH) {
            return new Association(predictor, outcome, "adjustedCoefficient", false, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, published, true, "report.reading.tooWide", "ols", true);
        }
        double b = CellKeyPerturbation.shift(coefficient.estimate(), se, cases.key(),
                "adjusted." + predictor + "." + outcome);
        double p = Distributions.twoSidedT(b / se, df);
        return new Association(predictor, outcome, "adjustedCoefficient", true, round(b, 2), round(b - half, 2),
                round(b + half, 2), round(p, 3), published, published < SMALL_N, reading(p, b), "ols", false);
    }

    /**
     * The correlation on the protected basis, on Fisher's z scale: {@code z' = z + D / √(n − 3)}, {@code r' =
     * tanh(z')}, the interval {@code tanh(z' ± 1.96 / √(n − 3))} and p from {@code z' · √(n − 3)}; r and bounds to two
     * decimals, p to three; n perturbed.
     */
    private static Association correlation(String predictor, Correlation r, Cases cases) {
        String outcome = AssociationModels.CAPABILITY_SET;
        int published = cases.publishedN();
        if (!r.estimable()) {
            return new Association(predictor, outcome, "correlation", false, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, published, true, "report.reading.notEstimable", "pearson", false);
        }
        double se = 1 / Math.sqrt(r.n() - 3);
        double z = CellKeyPerturbation.shift(atanh(Math.max(-0.999999, Math.min(0.999999, r.r()))), se, cases.key(),
                "association." + predictor + "." + outcome);
        double p = Distributions.twoSidedNormal(z / se);
        double half = Distributions.Z_975 * se;
        return new Association(predictor, outcome, "correlation", true, round(Math.tanh(z), 2),
                round(Math.tanh(z - half), 2), round(Math.tanh(z + half), 2), round(p, 3), published,
                published < SMALL_N, reading(p, z), "pearson", false);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static double round(double value, int decimals) {
        return CellKeyPerturbation.round(value, decimals);
    }

    private static Association notShown(String predictor, String outcome, String measure) {
        return new Association(predictor, outcome, measure, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                true, "report.reading.tooFew", null, false);
    }

    /** Positive, negative or no clear association, at the 5% level. */
    private static String reading(double pValue, double direction) {
        if (pValue >= 0.05) {
            return "report.reading.none";
        }
        return direction > 0 ? "report.reading.positive" : "report.reading.negative";
    }

}
