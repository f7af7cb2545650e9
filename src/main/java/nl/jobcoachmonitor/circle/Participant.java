package nl.jobcoachmonitor.circle;

/**
 * A registered coach as the organiser sees them: name, organisation, registration and attendance ({@code attended}
 * null: not recorded yet).
 */
public record Participant(long userId, String name, String organisation, RegistrationStatus status,
        Boolean attended) {
}
