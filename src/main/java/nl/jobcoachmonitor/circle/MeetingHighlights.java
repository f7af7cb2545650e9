package nl.jobcoachmonitor.circle;

import java.util.List;

/**
 * The extension point of the meeting report (verslag): every bean implementing it adds its parts to the report page
 * of a meeting, after the organiser's text, in bean order (the live session, package {@code circle.live}, adds its poll
 * results and answered questions). Without such a bean the report is the organiser's text alone.
 *
 * <p>Called when anyone who may read the report opens it, so an implementation shows only what every reader may
 * see (aggregates with the small-cell rule, questions without names unless the participant chose to be named).
 */
public interface MeetingHighlights {

    /** The parts for this meeting's report; empty when there is nothing to show. */
    List<MeetingHighlight> of(long meetingId);
}
