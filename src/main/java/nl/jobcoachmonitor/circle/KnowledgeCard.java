package nl.jobcoachmonitor.circle;

import java.util.List;

import nl.jobcoachmonitor.coaching.Theme;

/** A knowledge card as coaches read it: beside the contact form, and in the list of cards. */
public record KnowledgeCard(long id, long circleId, String circleName, String title, String summary,
        String referral, List<Myth> myths, List<Theme> themes) {

    /** A myth and what is true. */
    public record Myth(String myth, String fact) {
    }
}
