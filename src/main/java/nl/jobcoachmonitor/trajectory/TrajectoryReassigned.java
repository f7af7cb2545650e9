package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

public record TrajectoryReassigned(long trajectoryId, long fromCoachId, long toCoachId, LocalDate on) {
}
