package nl.jobcoachmonitor.outcomes;

/**
 * The signals on the coach's caseload (INSTRUMENTS.md), most urgent first; each follows a recommendation of the study.
 */
public enum SignalKind {
    EMPLOYMENT_ENDED, JOB_FIT_DECLINING, LOW_RAPPORT, CARE_CONFLICT, SUPPORT_REQUESTED, NO_RECENT_CONTACT,
    WAVE_OVERDUE
}
