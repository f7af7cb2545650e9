package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.plan.HealthFreeTrajectory.GoalHours;
import nl.jobcoachmonitor.plan.HealthFreeTrajectory.PartyHours;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link HealthFreeTrajectory}: reads only dates, minutes and parties of contacts, goal wording and status,
 * and the commissioner. It never selects a contact's note or reason, a theme, or anything of the measurement module.
 */
@Component
class HealthFreeView {

    private final JdbcClient jdbc;
    private final Goals goals;
    private final GrantRules rules;

    HealthFreeView(JdbcClient jdbc, Goals goals, GrantRules rules) {
        this.jdbc = jdbc;
        this.goals = goals;
        this.rules = rules;
    }

    HealthFreeTrajectory of(long trajectoryId, LocalDate from, LocalDate to) {
        record Commissioner(long id, String name) {
        }
        var commissioner = jdbc.sql("select c.id, c.name from trajectory t join commissioner c "
                + "on c.id = t.commissioner_id where t.id = :t").param("t", trajectoryId)
                .query((rs, n) -> new Commissioner(rs.getLong(1), rs.getString(2))).single();
        // The period runs under the rules' version in force on its first day: a later change never rewrites it.
        var rule = rules.history(commissioner.id()).map(h -> h.at(from));
        List<PartyHours> parties = new ArrayList<>();
        jdbc.sql("""
                select party, sum(minutes) as minutes, count(*) as contacts from contact
                where trajectory_id = :t and contact_on >= :from and contact_on < :to
                group by party order by party
                """).param("t", trajectoryId).param("from", from).param("to", to)
                .query((rs, n) -> parties.add(new PartyHours(Party.valueOf(rs.getString(1)), rs.getInt(2)))).list();
        List<PartyHours> merged = withoutCare(parties);
        int contacts = jdbc.sql("select count(*) from contact where trajectory_id = :t and contact_on >= :from "
                + "and contact_on < :to").param("t", trajectoryId).param("from", from).param("to", to)
                .query(Integer.class).single();
        int total = merged.stream().mapToInt(PartyHours::minutes).sum();
        Map<Long, Double> perGoal = goals.minutes(trajectoryId, from, to);
        List<GoalHours> goalHours = new ArrayList<>();
        jdbc.sql("select id, description, status from goal where trajectory_id = :t order by id")
                .param("t", trajectoryId)
                .query((rs, n) -> goalHours.add(new GoalHours(rs.getString(2), GoalStatus.valueOf(rs.getString(3)),
                        (int) Math.round(perGoal.getOrDefault(rs.getLong(1), 0.0))))).list();
        int linked = (int) Math.round(perGoal.values().stream().mapToDouble(Double::doubleValue).sum());
        Double granted = rule.map(r -> r.hoursPerPeriod().doubleValue()
                * Math.max(1, (double) months(from, to) / r.periodMonths())).orElse(null);
        return new HealthFreeTrajectory(trajectoryId, commissioner.name(),
                rule.map(GrantRule::template).orElse(ReportTemplate.MUNICIPALITY), from, to,
                granted == null ? null : GrantUse.round(granted), contacts, total, goalHours, merged,
                Math.max(0, total - linked), identity(trajectoryId));
    }

    /** The parties with a care provider's minutes added to "others" (in the order of {@link Party}). */
    static List<PartyHours> withoutCare(List<PartyHours> parties) {
        var minutes = new java.util.EnumMap<Party, Integer>(Party.class);
        for (var p : parties) {
            Party party = p.party() == Party.CARE_PROVIDER ? Party.OTHER : p.party();
            minutes.merge(party, p.minutes(), Integer::sum);
        }
        return minutes.entrySet().stream().map(e -> new PartyHours(e.getKey(), e.getValue())).toList();
    }

    /** The case as the commissioner files it: names and numbers, never anything medical. */
    private CaseIdentity identity(long trajectoryId) {
        return jdbc.sql("""
                select e.first_name, e.last_name, e.birth_date, t.client_number, t.case_number, o.name, u.display_name,
                  w.name
                from trajectory t join employee e on e.id = t.employee_id join organisation o on o.id = t.organisation_id
                  join app_user u on u.id = t.coach_id left join employer w on w.id = t.employer_id
                where t.id = :t
                """).param("t", trajectoryId)
                .query((rs, n) -> new CaseIdentity((rs.getString(1) + " " + rs.getString(2)).strip(),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8))).single();
    }

    private static long months(LocalDate from, LocalDate to) {
        return java.time.temporal.ChronoUnit.MONTHS.between(from, to);
    }
}
