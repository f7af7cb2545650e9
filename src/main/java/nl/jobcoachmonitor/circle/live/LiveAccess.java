package nl.jobcoachmonitor.circle.live;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may take part in a meeting's live session: every coach (of any organisation) and the organiser of the meeting's
 * circle; who may run it: that organiser only. Anyone else, and any meeting that does not exist, gets 404 (logged as
 * refused by the error handling).
 */
@Component
class LiveAccess {

    /** The meeting as the live session needs it. */
    record Meeting(long id, long circleId, long organiserId, String title, String circleName) {

        boolean organisedBy(CurrentUser user) {
            return organiserId == user.id();
        }
    }

    private final JdbcClient jdbc;

    LiveAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Meeting participant(CurrentUser user, long meetingId) {
        Meeting meeting = find(meetingId);
        if (!user.isCoach() && !meeting.organisedBy(user)) {
            throw new NotFoundException("meeting", meetingId);
        }
        return meeting;
    }

    Meeting organiser(CurrentUser user, long meetingId) {
        Meeting meeting = find(meetingId);
        if (!meeting.organisedBy(user)) {
            throw new NotFoundException("meeting", meetingId);
        }
        return meeting;
    }

    private Meeting find(long meetingId) {
        return jdbc.sql("select m.id, m.circle_id, c.organiser_id, m.title, c.name from meeting m "
                + "join circle c on c.id = m.circle_id where m.id = :id").param("id", meetingId)
                .query((rs, n) -> new Meeting(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> new NotFoundException("meeting", meetingId));
    }
}
