package nl.jobcoachmonitor.circle;

import java.util.List;

/**
 * A meeting's report (verslag) as its page shows it: the meeting, what it was about, its programme, the organiser's
 * text and the parts other parts of the circle add ({@link MeetingHighlights}: poll results, answered questions).
 * {@code organiser}: the reader organises it (sees a draft, may edit).
 */
public record MeetingReport(MeetingSummary meeting, String description, List<ProgrammeItem> programme, String text,
        boolean organiser, List<MeetingHighlight> highlights) {
}
