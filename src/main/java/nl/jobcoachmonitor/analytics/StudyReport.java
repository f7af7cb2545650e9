package nl.jobcoachmonitor.analytics;

import java.util.List;

/**
 * The study's report for a population (INSTRUMENTS.md): its table, the work values, the contact hours per month since
 * the start of coaching, and the associations of intensity, job fit, rapport and fit with wishes with retention,
 * positive development and the capability set. Every figure has passed the small-cell rule: what is not shown is
 * suppressed, never a group under 10. {@code refusal} is set instead when the selection may not be reported at all.
 */
public record StudyReport(ReportFilter filter, String refusal, Cell trajectories, Cell coaches, List<Measure> table,
        List<WorkValueRow> workValues, List<MonthRow> months, List<Association> associations) {

    static StudyReport refused(ReportFilter filter, String messageKey) {
        return new StudyReport(filter, messageKey, Cell.SUPPRESSED, Cell.SUPPRESSED, List.of(), List.of(), List.of(),
                List.of());
    }

    public boolean isRefused() {
        return refusal != null;
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
     * The association of a predictor with an outcome: an odds ratio per unit (logistic regression) for a yes/no
     * outcome, a correlation for the capability set. {@code reading} is a message key for the plain-language reading.
     */
    public record Association(String predictor, String outcome, String measure, boolean shown, double estimate,
            double lower, double upper, double pValue, int n, boolean smallN, String reading) {
    }
}
