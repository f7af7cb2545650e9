package nl.jobcoachmonitor.circle;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import nl.jobcoachmonitor.identity.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Data of the knowledge circle's tests, made by each test itself (the database is shared): coaches of their own with
 * their own mail addresses, and meetings of the demo circle (organised by {@code manager}).
 */
final class CircleFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;
    private final UserDetailsService users;

    CircleFixture(JdbcClient jdbc, UserDetailsService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    CurrentUser organiser() {
        return user("manager");
    }

    long demoCircle() {
        return jdbc.sql("select min(c.id) from circle c join app_user u on u.id = c.organiser_id "
                + "where u.username = 'manager'").query(Long.class).single();
    }

    /** A new coach of the organisation of this demo user (or, with null, of another organisation than coach's). */
    CurrentUser newCoach(String prefix, String sameOrganisationAs) {
        String username = (prefix + "-" + System.nanoTime() % 1_000_000_000 + "-" + SEQUENCE.incrementAndGet())
                .toLowerCase();
        long organisation = sameOrganisationAs != null
                ? jdbc.sql("select organisation_id from app_user where username = :u").param("u", sameOrganisationAs)
                        .query(Long.class).single()
                : jdbc.sql("select min(id) from organisation where id <> (select organisation_id from app_user "
                        + "where username = 'coach')").query(Long.class).single();
        jdbc.sql("insert into app_user (username, password_hash, display_name, email, role, organisation_id, enabled) "
                + "values (:u, '{noop}x', :n, :e, 'COACH', :o, true)").param("u", username)
                .param("n", "Coach " + username).param("e", username + "@kring.example").param("o", organisation)
                .update();
        return user(username);
    }

    /** A meeting of the demo circle starting in this many hours (negative: in the past), two hours long. */
    long meeting(String title, int capacity, long startsInHours) {
        var start = OffsetDateTime.now().plusHours(startsInHours);
        jdbc.sql("insert into meeting (circle_id, title, starts_at, ends_at, format, place, capacity, created_by, "
                + "created_at) values (:c, :t, :s, :e, 'IN_PERSON', 'Utrecht', :cap, :by, current_timestamp)")
                .param("c", demoCircle()).param("t", title).param("s", start).param("e", start.plusHours(2))
                .param("cap", capacity).param("by", organiser().id()).update();
        return jdbc.sql("select max(id) from meeting where title = :t").param("t", title).query(Long.class).single();
    }

    /** A registration inserted directly (for meetings in the past, which cannot be registered for any more). */
    void registered(long meetingId, CurrentUser coach) {
        jdbc.sql("insert into meeting_registration (meeting_id, user_id, status, language, link_base, registered_at, "
                + "placed_at) values (:m, :u, 'REGISTERED', 'nl', 'http://localhost', current_timestamp, "
                + "current_timestamp)").param("m", meetingId).param("u", coach.id()).update();
    }

    String statusOf(long meetingId, CurrentUser coach) {
        return jdbc.sql("select status from meeting_registration where meeting_id = :m and user_id = :u")
                .param("m", meetingId).param("u", coach.id()).query(String.class).optional().orElse(null);
    }

    long registrations(long meetingId, CurrentUser coach) {
        return jdbc.sql("select count(*) from meeting_registration where meeting_id = :m and user_id = :u")
                .param("m", meetingId).param("u", coach.id()).query(Long.class).single();
    }
}
