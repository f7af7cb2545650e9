package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

/** A running trajectory whose employee is coached on the job, and the day that coaching started. */
public record CoachingStart(long trajectoryId, LocalDate coachingStartedOn) {
}
