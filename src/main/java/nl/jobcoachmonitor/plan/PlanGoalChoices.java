package nl.jobcoachmonitor.plan;

import java.util.List;

import nl.jobcoachmonitor.coaching.GoalChoice;
import nl.jobcoachmonitor.coaching.GoalChoices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The coaching plan's goals still worked on, offered when a contact is logged. */
@Component
class PlanGoalChoices implements GoalChoices {

    private final JdbcClient jdbc;

    PlanGoalChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<GoalChoice> of(long trajectoryId) {
        return jdbc.sql("select id, description from goal where trajectory_id = :t "
                + "and status in ('OPEN', 'PARTLY', 'CHANGED') order by id").param("t", trajectoryId)
                .query((rs, n) -> new GoalChoice(rs.getLong(1), rs.getString(2))).list();
    }
}
