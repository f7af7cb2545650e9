package nl.jobcoachmonitor.analytics;

import java.time.YearMonth;

import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

/**
 * Which trajectories the report describes, within what the user may see: coaching on the job started in a period of
 * whole calendar months ({@code from} and {@code to} inclusive, e.g. {@code from=2026-01&to=2026-06}), and optionally
 * a subgroup by age band, phase or commissioner (the commissioner filter only for a manager). Periods are never
 * shorter than a month: a period of days would let a reader add one person at a time.
 */
public record ReportFilter(YearMonth from, YearMonth to, AgeBand ageBand, TrajectoryPhase phase, Long commissionerId) {

    public static ReportFilter everything() {
        return new ReportFilter(null, null, null, null, null);
    }

    /** Age at the start of coaching on the job. */
    public enum AgeBand {
        UNDER_25(0, 24), FROM_25_TO_29(25, 29), FROM_30(30, 200);

        final int lowest;
        final int highest;

        AgeBand(int lowest, int highest) {
            this.lowest = lowest;
            this.highest = highest;
        }
    }
}
