package nl.jobcoachmonitor.circle;

/** A coach's registration: with a place, or on the waiting list (which moves up when someone unregisters). */
public enum RegistrationStatus {
    REGISTERED, WAITING
}
