package nl.jobcoachmonitor.circle;

import java.util.List;

/**
 * A meeting's page: the summary, what it is about and its programme; for its organiser also the participants (the
 * waiting list in its order) and the report as written so far. {@code started}: the meeting has begun (registration
 * is closed, attendance can be recorded); {@code on}: it has begun and not yet ended; {@code live}: this user may open
 * its live session from here (a coach while the meeting is on; the organiser always, to prepare and to look back).
 */
public record MeetingDetail(MeetingSummary meeting, String description, List<ProgrammeItem> programme,
        boolean organiser, boolean started, List<Participant> participants, String report, boolean on,
        boolean live) {
}
