package nl.jobcoachmonitor.outcomes;

/**
 * The signals on the coach's caseload (INSTRUMENTS.md), most urgent first; each follows a recommendation of the study.
 */
public enum SignalKind {
    EMPLOYMENT_ENDED, JOB_FIT_DECLINING, LOW_RAPPORT, CARE_CONFLICT, SUPPORT_REQUESTED, NO_RECENT_CONTACT,
    WAVE_OVERDUE,
    /** The employee asked for a correction of their data (own-data page); not raised by the indicators. */
    CORRECTION_REQUESTED;

    /** Whether the indicator updates raise this kind (and resolve it when its cause has gone). */
    public boolean fromIndicators() {
        return this != CORRECTION_REQUESTED;
    }
}
