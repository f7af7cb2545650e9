package nl.jobcoachmonitor.plan;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coach of the demo organisation of its own (password {@code demo}) for the plan tests, so that the trajectories
 * these tests start do not change the demo coaches' caseloads other tests count.
 */
public final class PlanCoach {

    public static final String USERNAME = "plancoach";

    private PlanCoach() {
    }

    public static synchronized String ensure(JdbcClient jdbc) {
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, organisation_id, enabled)
                select :u, password_hash, 'Pim Plan', 'plancoach@example.org', 'COACH', organisation_id, true
                from app_user where username = 'coach'
                  and not exists (select 1 from app_user where username = :u)
                """).param("u", USERNAME).update();
        return USERNAME;
    }
}
