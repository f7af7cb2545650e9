package nl.jobcoachmonitor.circle;

/** What a programme item of a meeting is. */
public enum ProgrammeKind {
    TALK, WORKSHOP, DISCUSSION
}
