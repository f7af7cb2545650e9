package nl.jobcoachmonitor.circle;

/** A knowledge circle with its organiser, as the administrator's list and the organiser's forms show it. */
public record CircleRow(long id, String name, long organiserId, String organiserName, String organiserUsername) {
}
