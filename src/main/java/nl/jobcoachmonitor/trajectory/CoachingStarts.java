package nl.jobcoachmonitor.trajectory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When coaching on the job started, for running trajectories: the first move to the coaching phase. */
@Component
class CoachingStarts {

    private final JdbcClient jdbc;

    CoachingStarts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CoachingStart> running() {
        return jdbc.sql("""
                select t.id, min(p.changed_on) as coaching_started_on
                from trajectory t join phase_change p on p.trajectory_id = t.id and p.to_phase = 'COACHING'
                where t.phase in ('COACHING', 'PHASE_OUT', 'CONTINUED_SUPPORT')
                group by t.id order by t.id""")
                .query((rs, n) -> new CoachingStart(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class)))
                .list();
    }

    /**
     * The same, up to {@code limit} trajectories after the given id, in id order: the catch-up's batches. The start
     * is a subquery per trajectory, so the database walks the trajectories in id order from the given one and stops
     * at the limit, instead of grouping every phase change for each batch.
     */
    List<CoachingStart> running(long afterId, int limit) {
        return jdbc.sql("""
                select id, coaching_started_on from (
                    select t.id, (select min(p.changed_on) from phase_change p where p.trajectory_id = t.id
                                  and p.to_phase = 'COACHING') as coaching_started_on
                    from trajectory t
                    where t.phase in ('COACHING', 'PHASE_OUT', 'CONTINUED_SUPPORT') and t.id > :after) s
                where coaching_started_on is not null order by id limit :limit""")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new CoachingStart(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class)))
                .list();
    }
}
