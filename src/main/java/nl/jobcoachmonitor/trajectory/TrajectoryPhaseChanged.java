package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

public record TrajectoryPhaseChanged(long trajectoryId, TrajectoryPhase from, TrajectoryPhase to, LocalDate on,
        ClosingReason closingReason) {
}
