package nl.jobcoachmonitor.identity;

/** On whose behalf personal data was accessed, for the access log (NEN 7513: "namens wie"). */
public enum OnBehalfOf {
    /** Staff of the coaching organisation (coach, manager, privacy officer) acting for it. */
    ORGANISATION,
    /** A commissioner (municipality, UWV). */
    COMMISSIONER,
    /** A researcher. */
    RESEARCH,
    /** The application's administrator. */
    ADMINISTRATION,
    /** The employee themself, through their own personal link. */
    EMPLOYEE,
    /** The employer contact, through their own personal link. */
    EMPLOYER_CONTACT,
    /** A request without a signed-in user or personal link (e.g. a refused anonymous request). */
    ANONYMOUS,
    /** The application's own scheduled jobs (reminders, retention). */
    SYSTEM;

    static OnBehalfOf of(Role role) {
        return switch (role) {
            case COACH, MANAGER, PRIVACY_OFFICER -> ORGANISATION;
            case COMMISSIONER -> COMMISSIONER;
            case RESEARCHER -> RESEARCH;
            case ADMIN -> ADMINISTRATION;
        };
    }
}
