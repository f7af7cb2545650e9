package nl.jobcoachmonitor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Looks up demo data for tests, so no test depends on generated ids. */
@Component
public class TestData {

    private final JdbcClient jdbc;
    private final UserDetailsService users;

    public TestData(JdbcClient jdbc, UserDetailsService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * The demo cohort's trajectories ({@code DemoDataTests} checks the count). The demo is loaded first, into the empty
     * database, so its trajectories have the lowest ids; the other tests add theirs to the same database.
     */
    public static final int DEMO_TRAJECTORIES = 134;

    /** The id of the demo cohort's last trajectory: ids up to it are the demo's, higher ones other tests'. */
    public long lastDemoTrajectoryId() {
        return jdbc.sql("select id from trajectory order by id limit 1 offset " + (DEMO_TRAJECTORIES - 1))
                .query(Long.class).single();
    }

    /** Acts as this demo user, loaded from the database like a real login. */
    public RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    public long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    public long organisationOf(String username) {
        return jdbc.sql("select organisation_id from app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }

    public long commissionerOf(String username) {
        return jdbc.sql("select commissioner_id from app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }

    /** The running trajectories of a coach, oldest id first. */
    public List<Long> trajectoriesOf(String username) {
        return jdbc.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id "
                + "where u.username = :u and t.phase <> 'CLOSED' order by t.id").param("u", username)
                .query(Long.class).list();
    }

    /** A running trajectory of this coach with a job (coaching on the job, phase-out or continued support). */
    public long trajectoryOnTheJobOf(String username, int index) {
        return jdbc.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id "
                + "where u.username = :u and t.phase in ('COACHING', 'PHASE_OUT', 'CONTINUED_SUPPORT') "
                + "and t.job_title is not null order by t.id").param("u", username)
                .query(Long.class).list().get(index);
    }

    public String employeeNameOf(long trajectoryId) {
        return jdbc.sql("select e.first_name || ' ' || e.last_name from employee e join trajectory t "
                + "on t.employee_id = e.id where t.id = :id").param("id", trajectoryId).query(String.class).single();
    }

    public long employeeIdOf(long trajectoryId) {
        return jdbc.sql("select employee_id from trajectory where id = :id").param("id", trajectoryId)
                .query(Long.class).single();
    }

    public int version(long trajectoryId) {
        return jdbc.sql("select version from trajectory where id = :id").param("id", trajectoryId)
                .query(Integer.class).single();
    }

    public long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    public long count(String table, String where, Object param) {
        return jdbc.sql("select count(*) from " + table + " where " + where).param("p", param)
                .query(Long.class).single();
    }

    public long deniedAccessesBy(String username) {
        return count("audit_event", "outcome = 'DENIED' and username = :p", username);
    }

    /** A new, unapproved export project of this researcher for the organisation of this manager (all waves T0-T2). */
    public long exportProject(String researcher, String manager, String name) {
        long organisation = jdbc.sql("select organisation_id from app_user where username = :u").param("u", manager)
                .query(Long.class).single();
        jdbc.sql("insert into export_project (name, purpose, organisation_id, waves, secret, created_by, created_at) "
                + "values (:n, 'Test', :o, 'T0,T1,T2', :s, :by, current_timestamp)").param("n", name)
                .param("o", organisation).param("s", "ab".repeat(32)).param("by", userId(researcher)).update();
        return jdbc.sql("select max(id) from export_project where name = :n").param("n", name).query(Long.class)
                .single();
    }
}
