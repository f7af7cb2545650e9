package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

public record JobChanged(long trajectoryId, JobChangeKind kind, LocalDate on) {
}
