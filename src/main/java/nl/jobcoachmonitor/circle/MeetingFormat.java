package nl.jobcoachmonitor.circle;

/** Where a meeting takes place: in a room (a place) or online (a link). */
public enum MeetingFormat {
    IN_PERSON, ONLINE
}
