package nl.jobcoachmonitor.circle.live;

import java.util.List;

import nl.jobcoachmonitor.circle.MeetingHighlight;
import nl.jobcoachmonitor.circle.MeetingHighlights;

import org.springframework.stereotype.Component;

/**
 * The live session's part of the meeting report (verslag): the polls' results (ranked, no distribution under
 * {@value LiveResults#MINIMUM_ANSWERS} answers, the data comparison where revealed) and the questions the organiser
 * marked answered (hidden ones never; a name only where its author chose to show it). Nothing when the meeting had no
 * live session.
 */
@Component
class LiveHighlights implements MeetingHighlights {

    private final LiveResults results;

    LiveHighlights(LiveResults results) {
        this.results = results;
    }

    @Override
    public List<MeetingHighlight> of(long meetingId) {
        LiveResults.MeetingResults live = results.of(meetingId);
        if (live.polls().isEmpty() && live.answeredQuestions().isEmpty()) {
            return List.of();
        }
        return List.of(new MeetingHighlight("circle/live/report", "summary", live));
    }
}
