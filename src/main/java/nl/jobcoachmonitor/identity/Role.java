package nl.jobcoachmonitor.identity;

/** What a staff account may see; see "People and what they may see" in DOMAIN.md. */
public enum Role {
    /** Own caseload in full. */
    COACH,
    /** All trajectories and coaches of the organisation. */
    MANAGER,
    /** Municipality or UWV: aggregates of the trajectories it commissions, never a person. */
    COMMISSIONER,
    /** Pseudonymised exports of consenting employees only. */
    RESEARCHER,
    /** Users, organisations, commissioners; no case content. */
    ADMIN,
    /** Privacy officer (functionaris gegevensbescherming) of an organisation: searches its access log; no case content. */
    PRIVACY_OFFICER;

    /** Coaches, managers and privacy officers belong to a coaching organisation. */
    public boolean belongsToOrganisation() {
        return this == COACH || this == MANAGER || this == PRIVACY_OFFICER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
