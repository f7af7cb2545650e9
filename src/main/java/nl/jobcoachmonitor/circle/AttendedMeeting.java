package nl.jobcoachmonitor.circle;

/** A meeting a coach attended, as recorded by its organiser: for the coach's professional registration. */
public record AttendedMeeting(MeetingSummary meeting, String programme) {
}
