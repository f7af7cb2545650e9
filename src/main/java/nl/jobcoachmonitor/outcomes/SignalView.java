package nl.jobcoachmonitor.outcomes;

import java.time.LocalDate;

/**
 * An open signal on the caseload: whose trajectory, what, since when, and what raised it (a wave or a date);
 * {@code request} is what the employee wrote when they asked for a correction (null for other kinds); the coach who
 * has the trajectory now (shown to the manager, who sees all coaches' signals).
 */
public record SignalView(long id, long trajectoryId, String employeeName, SignalKind kind, String trigger,
        LocalDate raisedOn, String request, String coachName) {
}
