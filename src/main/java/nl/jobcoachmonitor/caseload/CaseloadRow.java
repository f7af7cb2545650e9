package nl.jobcoachmonitor.caseload;

import java.time.LocalDate;

import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

/** One line of the caseload: who, where, which phase, how much contact this month, and when last. */
record CaseloadRow(long id, String employeeName, String employerName, TrajectoryPhase phase, String coachName,
        double hoursThisMonth, LocalDate lastContactOn) {
}
