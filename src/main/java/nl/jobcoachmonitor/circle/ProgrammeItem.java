package nl.jobcoachmonitor.circle;

/** A part of a meeting's programme: a talk, workshop or discussion, with its speakers (may be empty). */
public record ProgrammeItem(ProgrammeKind kind, String title, String speakers) {
}
