package nl.jobcoachmonitor.coaching;

/** A contact was corrected (date, minutes, party, ...): the trajectory's intensity may have changed. */
public record ContactCorrected(long contactId, long trajectoryId) {
}
