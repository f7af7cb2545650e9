package nl.jobcoachmonitor.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grant rules for the demo commissioners and coaching plans for the demo coach's running trajectories: two goals each,
 * with the contacts that concern a goal's themes linked to it and the reason the hours were needed. Plain SQL.
 */
final class DemoPlans {

    private DemoPlans() {
    }

    /** Hours per period, period and duration in months, report interval in months, template, satisfaction norm. */
    private static final Map<String, Object[]> RULES = Map.of(
            "UWV", new Object[] {40, 6, 24, 6, "UWV", 6.5},
            "Gemeente Apeldoorn", new Object[] {25, 3, 24, 6, "MUNICIPALITY", 7.0},
            "Gemeente Arnhem", new Object[] {45, 6, 12, 3, "MUNICIPALITY", 7.0});

    private record DemoGoal(String description, List<String> themes, String reason) {
    }

    private static final List<List<DemoGoal>> GOALS = List.of(
            List.of(new DemoGoal("Ik wil mijn werkdag zo indelen dat ik aan het eind niet uitgeput ben.",
                            List.of("LIMITS", "WORK_LIFE_BALANCE", "STRESS"), "Werkdag en belasting afstemmen"),
                    new DemoGoal("Ik wil zelf met mijn leidinggevende bespreken wat ik nodig heb.",
                            List.of("COMMUNICATION", "DEALING_WITH_EMPLOYEE", "ADJUSTMENTS"),
                            "Gesprek met leidinggevende voorbereiden")),
            List.of(new DemoGoal("Ik wil na mijn proeftijd een vast contract.",
                            List.of("GROWTH", "PRACTICAL_ARRANGEMENTS", "REGULATIONS"), "Contract en afspraken"),
                    new DemoGoal("Ik wil weten wat ik mijn collega's wel en niet vertel.",
                            List.of("DISCLOSURE", "VULNERABILITY", "COMMUNICATION"),
                            "Openheid op het werk voorbereiden")),
            List.of(new DemoGoal("Ik wil mijn geldzaken op orde hebben zodat ik rustig kan werken.",
                            List.of("DEBTS", "SELF_MANAGEMENT"), "Verwijzing schuldhulp en overzicht"),
                    new DemoGoal("Ik wil meer verschillende taken leren op mijn afdeling.",
                            List.of("GROWTH", "ADJUSTMENTS", "DEALING_WITH_EMPLOYEE"), "Takenpakket uitbreiden")));

    static void write(JdbcTemplate jdbc) {
        RULES.forEach((name, r) -> jdbc.update("""
                insert into grant_rule (commissioner_id, hours_per_period, period_months, max_duration_months,
                  report_every_months, report_template, satisfaction_norm)
                select id, ?, ?, ?, ?, ?, ? from commissioner where name = ?""",
                r[0], r[1], r[2], r[3], r[4], r[5], name));
        List<Map<String, Object>> running = jdbc.queryForList("""
                select t.id, t.started_on from trajectory t join app_user u on u.id = t.coach_id
                where u.username = 'coach' and t.phase <> 'CLOSED' order by t.id""");
        int index = 0;
        for (var trajectory : running) {
            long trajectoryId = ((Number) trajectory.get("id")).longValue();
            var startedOn = (java.sql.Date) trajectory.get("started_on");
            List<Long> goalIds = new ArrayList<>();
            for (DemoGoal goal : GOALS.get(index++ % GOALS.size())) {
                jdbc.update("""
                        insert into goal (trajectory_id, description, agreed_with_employee, agreed_with_employer,
                          review_on, status, created_on)
                        values (?, ?, true, true, ?, 'OPEN', ?)""", trajectoryId, goal.description(),
                        java.sql.Date.valueOf(startedOn.toLocalDate().plusMonths(6)), startedOn);
                long goalId = jdbc.queryForObject("select max(id) from goal where trajectory_id = ?", Long.class,
                        trajectoryId);
                goalIds.add(goalId);
                for (String theme : goal.themes()) {
                    jdbc.update("insert into goal_theme (goal_id, theme) values (?, ?)", goalId, theme);
                }
                jdbc.update("""
                        insert into contact_goal (contact_id, goal_id)
                        select distinct c.id, ? from contact c join contact_theme ct on ct.contact_id = c.id
                        where c.trajectory_id = ? and ct.theme in (?, ?, ?)""", goalId, trajectoryId,
                        goal.themes().get(0), goal.themes().get(1),
                        goal.themes().size() > 2 ? goal.themes().get(2) : goal.themes().get(0));
                jdbc.update("""
                        update contact set reason = ? where reason is null and id in
                          (select contact_id from contact_goal where goal_id = ?)""", goal.reason(), goalId);
            }
        }
    }
}
