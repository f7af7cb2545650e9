package nl.jobcoachmonitor.coaching;

/** A contact logged by mistake was deleted: the trajectory's intensity may have changed. */
public record ContactDeleted(long contactId, long trajectoryId) {
}
