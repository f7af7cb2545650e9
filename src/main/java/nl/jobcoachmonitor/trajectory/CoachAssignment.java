package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

/**
 * Which coach had the trajectory from when; the first is the coach who started it. A handover has the manager's
 * reason (null for the first, and for handovers before V36).
 */
public record CoachAssignment(Long coachId, LocalDate assignedOn, Long assignedBy, String reason) {
}
