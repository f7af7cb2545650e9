package nl.jobcoachmonitor.measurement;

/** Where a wave stands today, as the coach sees it. */
public enum WaveState {
    /** not due yet. */
    PLANNED,
    /** due: the questionnaires may be answered. */
    OPEN,
    /** 7 days after due and not complete: time for a reminder. */
    REMINDER,
    /** 14 days after due and not complete. */
    OVERDUE,
    /** the window has closed; links no longer work. */
    CLOSED,
    /** the trajectory ended before the wave was due. */
    CANCELLED
}
