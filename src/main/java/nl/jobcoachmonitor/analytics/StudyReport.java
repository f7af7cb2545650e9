package nl.jobcoachmonitor.analytics;

import java.util.List;

/**
 * The study's report for a population (INSTRUMENTS.md): its table, the work values, the contact hours per month since
 * the start of coaching, and the associations of intensity, job fit, rapport and fit with wishes with retention,
 * positive development and the capability set. Every figure has passed the small-cell rule: what is not shown is
 * suppressed, never a group under 10. {@code refusal} is set instead when the selection may not be reported at all.
 */
public record StudyReport(ReportFilter filter, String refusal, Cell trajectories, Cell coaches, List<Measure> table,
        List<WorkValueRow> workValues, List<MonthRow> months, List<Association> associations,
        List<AdjustedModel> models, List<SummaryLine> summary) {

    static StudyReport refused(ReportFilter filter, String messageKey) {
        return new StudyReport(filter, messageKey, Cell.SUPPRESSED, Cell.SUPPRESSED, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** Refused because the selection has under 10 persons (a notice, not an error). */
    public boolean tooFewPersons() {
        return "report.tooFewPersons".equals(refusal);
    }

    /** The crude and the adjusted figure of each predictor and outcome, side by side, in the report's order. */
    public List<AssociationPair> pairs() {
        return associations.stream().filter(a -> !a.adjusted())
                .map(crude -> new AssociationPair(crude, associations.stream()
                        .filter(a -> a.adjusted() && a.predictor().equals(crude.predictor())
                                && a.outcome().equals(crude.outcome()))
                        .findFirst().orElse(null)))
                .toList();
    }

    /** A crude figure and the adjusted one (null when there is none). */
    public record AssociationPair(Association crude, Association adjusted) {
    }

    /**
     * The adjusted model of an outcome: its complete cases (perturbed) and, for a yes/no outcome, how many had it
     * ({@code -1} for the capability set), and its method ({@code ml}, {@code firth} or {@code ols}).
     */
    public record AdjustedModel(String outcome, boolean shown, int n, int events, String method) {

        static AdjustedModel notShown(String outcome) {
            return new AdjustedModel(outcome, false, 0, -1, null);
        }
    }

    /**
     * A sentence of the plain-language summary: a message key with either a figure and the study's figure, or a
     * predictor (may be null) and an outcome.
     */
    public record SummaryLine(String key, Double value, Double study, String predictor, String outcome) {

        static SummaryLine figure(String key, double value, Double study) {
            return new SummaryLine(key, value, study, null, null);
        }

        static SummaryLine about(String key, String predictor, String outcome) {
            return new SummaryLine(key, null, null, predictor, outcome);
        }
    }

    /** What a figure is: a mean (with its 95% interval), a percentage (with its Wilson interval). */
    public enum Kind { MEAN, PERCENT }

    /**
     * A row of the study's table, with the study's own figure to compare; {@code shown} false means suppressed (fewer
     * than 10 persons behind it, or a group under 10 given away).
     */
    public record Measure(String key, Kind kind, boolean shown, double value, double lower, double upper, int n,
            Double study) {

        /** Not shown: no value, and no n either (a suppressed row's n would be a count under the threshold). */
        static Measure suppressed(String key, Kind kind, Double study) {
            return new Measure(key, kind, false, Double.NaN, Double.NaN, Double.NaN, 0, study);
        }
    }

    /** A work value: mean importance and achievement at T0, achievement at T2, and the share with a gap at T0. */
    public record WorkValueRow(String workValue, boolean shown, double important, double achieved,
            Double achievedLater, Double gapPercent, int n) {

        public double gap() {
            return important - achieved;
        }
    }

    /** Mean contact hours in the n-th month since coaching started, per trajectory that reached that month. */
    public record MonthRow(int month, boolean shown, double employee, double employer, double other, int n) {
    }

    /**
     * The association of a predictor with an outcome. {@code measure}: crude, {@code oddsRatio} per unit (a logistic
     * regression of its own) for a yes/no outcome and {@code correlation} (Pearson) for the capability set; adjusted
     * for the other three predictors, {@code adjustedOddsRatio} and {@code adjustedCoefficient} (points of the
     * capability set per unit, linear model). {@code reading} is a message key for the plain-language reading;
     * {@code method} how it was estimated ({@code ml}, {@code firth}, {@code pearson}, {@code ols}; null when not
     * estimated); {@code tooWide} that the interval was too wide to mean anything, so no number is shown.
     */
    public record Association(String predictor, String outcome, String measure, boolean shown, double estimate,
            double lower, double upper, double pValue, int n, boolean smallN, String reading, String method,
            boolean tooWide) {

        public boolean adjusted() {
            return measure.startsWith("adjusted");
        }
    }
}
