package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

public record TrajectoryStarted(long trajectoryId, long employeeId, long organisationId, long commissionerId,
        TrajectoryPhase phase, LocalDate startedOn) {
}
