package nl.jobcoachmonitor.caseload;

import java.time.LocalDate;

import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

/**
 * One line of the caseload: who, where, which phase, how much contact this month, and when last; and, for a
 * trajectory handed over in the last two weeks, when, by whom and why (null otherwise).
 */
record CaseloadRow(long id, String employeeName, String employerName, TrajectoryPhase phase, String coachName,
        double hoursThisMonth, LocalDate lastContactOn, LocalDate handedOverOn, String handedOverBy,
        String handoverReason) {
}
