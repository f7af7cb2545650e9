package nl.jobcoachmonitor.analytics;

import java.time.LocalDate;

import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Which trajectories the report describes, within what the user may see: coaching on the job started in a period, and
 * optionally a subgroup by age band, phase or commissioner (the commissioner filter only for a manager).
 */
public record ReportFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, AgeBand ageBand, TrajectoryPhase phase,
        Long commissionerId) {

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
