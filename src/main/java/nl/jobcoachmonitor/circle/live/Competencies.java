package nl.jobcoachmonitor.circle.live;

import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The circle's competency list, managed by its organiser. A removed competency stays in polls that already copied it.
 * A list may be marked as an example (the demo's, in our own wording).
 */
@Service
@Transactional
class Competencies {

    record Competency(long id, String name, boolean example) {
    }

    private final JdbcClient jdbc;
    private final LiveAccess access;

    Competencies(JdbcClient jdbc, LiveAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    List<Competency> of(long circleId) {
        return jdbc.sql("select id, name, example from circle_competency where circle_id = :c and removed = false "
                + "order by position, id").param("c", circleId)
                .query((rs, n) -> new Competency(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    void add(CurrentUser organiser, long meetingId, CompetencyForm form) {
        long circleId = access.organiser(organiser, meetingId).circleId();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from circle_competency where circle_id = :c")
                .param("c", circleId).query(Integer.class).single();
        jdbc.sql("insert into circle_competency (circle_id, position, name) values (:c, :p, :n)").param("c", circleId)
                .param("p", position).param("n", form.name().strip()).update();
    }

    void remove(CurrentUser organiser, long meetingId, long competencyId) {
        long circleId = access.organiser(organiser, meetingId).circleId();
        int removed = jdbc.sql("update circle_competency set removed = true where id = :id and circle_id = :c")
                .param("id", competencyId).param("c", circleId).update();
        if (removed == 0) {
            throw new NotFoundException("competency", competencyId);
        }
    }
}
