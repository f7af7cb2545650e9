package nl.jobcoachmonitor.identity;

/** A coach or manager as other modules see them. */
public record StaffMember(long id, String displayName, Role role, Long organisationId) {
}
