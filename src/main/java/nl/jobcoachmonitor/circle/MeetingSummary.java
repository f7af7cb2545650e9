package nl.jobcoachmonitor.circle;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import nl.jobcoachmonitor.coaching.Theme;

/**
 * A meeting as lists show it, seen by one coach: places taken, the waiting list, and the coach's own registration
 * ({@code myStatus} null: not registered; {@code myWaitingPosition} their place on the waiting list, 1 first).
 */
public record MeetingSummary(long id, long circleId, String circleName, String title, ZonedDateTime startsAt,
        ZonedDateTime endsAt, MeetingFormat format, String place, String onlineLink, int capacity, int registered,
        int waiting, RegistrationStatus myStatus, Integer myWaitingPosition, boolean reportPublished,
        List<Theme> themes) {

    public boolean full() {
        return registered >= capacity;
    }

    public int placesLeft() {
        return Math.max(0, capacity - registered);
    }

    /** The meeting's length in hours, with quarters (for a professional registration). */
    public double hours() {
        return Math.round(Duration.between(startsAt, endsAt).toMinutes() / 15.0) / 4.0;
    }
}
