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
        record Read(ReportQuery.Population population, List<ReportQuery.MonthSums> months) {
        }
        Read read = reading.execute(status -> new Read(query.population(scope, filter, WORK_VALUES),
                query.months(scope, filter)));
        var population = read.population();
        List<Row> rows = population.rows();
        List<Long> organisations = rows.stream().map(Row::organisationId).distinct().sorted().toList();
        if (!manager && !rows.isEmpty()
                && (distinct(rows, Row::coachId) < 2 || distinct(rows, Row::employerId) < 2)) {
            return new Computed(StudyReport.refused(filter, "report.refused.narrow"), organisations);
        }
        long[] keys = new long[rows.size()];
        CellKey all = CellKey.EMPTY;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = recordKeys.trajectory(rows.get(i).trajectoryId());
            all = all.plus(keys[i]);
        }
        Cell trajectories = CellKeyPerturbation.publishedCount(rows.size(), all);
        if (!CellKeyPerturbation.publishable(rows.size(), all)) {
            // under 10 persons (none included) nothing at all is shown: one message instead of suppressed rows
            return new Computed(StudyReport.refused(filter, "report.tooFewPersons"), organisations);
        }
        CellKey coaches = CellKey.EMPTY;
        var coachIds = rows.stream().map(Row::coachId).distinct().toList();
        for (long coach : coachIds) {
            coaches = coaches.plus(recordKeys.coach(coach));
        }
        var table = table(rows, keys);
        var associations = associations(rows, keys);
        return new Computed(new StudyReport(filter, null, trajectories,
                CellKeyPerturbation.publishedCount(coachIds.size(), coaches), table,
                workValues(population.workValues()), months(rows, keys, read.months()), associations.associations(), associations.models(),
                summary(table, associations.associations())), organisations);
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

    private static Associations associations(List<Row> rows, long[] keys) {
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
            int n = 0;
            int events = 0;
            CellKey key = CellKey.EMPTY;
            CellKey eventKey = CellKey.EMPTY;
            for (int i = 0; i < keys.length; i++) {
                if (models.complete(i, outcome, predictors)) {
                    n++;
                    key = key.plus(keys[i]);
                    if (y[i] == 1) {
                        events++;
                        eventKey = eventKey.plus(keys[i]);
                    }
                }
            }
            return new Cases(n, events, key, eventKey);
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
