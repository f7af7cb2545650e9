package nl.jobcoachmonitor.circle.live;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Circles and meetings for the live session's tests, made with SQL (the meetings are another part's). */
public final class LiveFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;

    public LiveFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A circle organised by this user, with a meeting on now and a competency list of {@code competencies}. */
    public long meetingOrganisedBy(String organiser, int competencies) {
        long organiserId = userId(organiser);
        String name = "Live test circle " + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
        jdbc.sql("insert into circle (name, organiser_id) values (:n, :o)").param("n", name).param("o", organiserId)
                .update();
        long circle = jdbc.sql("select id from circle where name = :n").param("n", name).query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into meeting (circle_id, title, starts_at, ends_at, format, place, capacity, created_by, "
                + "created_at) values (:c, :t, :s, :e, 'IN_PERSON', 'Utrecht', 40, :o, :now)").param("c", circle)
                .param("t", "Live " + name).param("s", now.minusHours(1)).param("e", now.plusHours(2))
                .param("o", organiserId).param("now", now).update();
        for (int i = 1; i <= competencies; i++) {
            jdbc.sql("insert into circle_competency (circle_id, position, name) values (:c, :p, :n)")
                    .param("c", circle).param("p", i).param("n", "Competentie " + i).update();
        }
        return jdbc.sql("select id from meeting where circle_id = :c").param("c", circle).query(Long.class).single();
    }

    public long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** Demo coaches, "coach" and "coach2" first, then coaches of the other organisations. */
    public List<String> coaches(int count) {
        return jdbc.sql("select username from app_user where role = 'COACH' and enabled = true "
                + "order by case username when 'coach' then 0 when 'coach2' then 1 else 2 end, id")
                .query(String.class).list().subList(0, count);
    }

    /** A demo coach of another organisation than "coach"'s. */
    public String coachOfAnotherOrganisation() {
        return jdbc.sql("select u.username from app_user u where u.role = 'COACH' and u.organisation_id <> "
                + "(select organisation_id from app_user where username = 'coach') order by u.id limit 1")
                .query(String.class).single();
    }

    public long openPoll(long meetingId) {
        return jdbc.sql("select id from live_poll where meeting_id = :m and state = 'OPEN'").param("m", meetingId)
                .query(Long.class).single();
    }

    public List<Long> options(long pollId) {
        return jdbc.sql("select id from live_poll_option where poll_id = :p order by position").param("p", pollId)
                .query(Long.class).list();
    }
}
