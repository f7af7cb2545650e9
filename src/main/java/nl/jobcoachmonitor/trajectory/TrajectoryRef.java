package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

/** A trajectory the current user may see, as other modules need it to scope their own data. */
public record TrajectoryRef(long id, long employeeId, long organisationId, long coachId, TrajectoryPhase phase,
        LocalDate startedOn) {
}
