package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

/** Which coach had the trajectory from when; the first is the coach who started it. */
public record CoachAssignment(Long coachId, LocalDate assignedOn, Long assignedBy) {
}
