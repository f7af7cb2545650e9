package nl.jobcoachmonitor.circle;

/**
 * What a registration did: a place or a place on the waiting list (with its position), and whether the confirmation
 * mail went out ({@code mailed} false: no address or no mail server).
 */
public record RegistrationOutcome(RegistrationStatus status, int waitingPosition, boolean mailed) {
}
