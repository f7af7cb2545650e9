package nl.jobcoachmonitor.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caseload as one read query over trajectory, employee, employer and contact. Scoped in the SQL itself: a coach's
 * own trajectories, or a manager's organisation; any other role gets nothing.
 */
@Component
class CaseloadQuery {

    /** How long a handover is marked "new for you" on the new coach's caseload. */
    static final Period HANDOVER_SHOWN = Period.ofDays(14);

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseloadQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    CaseloadPage find(CurrentUser user, CaseloadFilter filter) {
        if (!user.seesCaseContent()) {
            return new CaseloadPage(List.of(), 0, 0, CaseloadFilter.PAGE_SIZE);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        if (user.isCoach()) {
            where.append(" where t.coach_id = :scope");
            params.put("scope", user.id());
        } else {
            where.append(" where t.organisation_id = :scope");
            params.put("scope", user.organisationId());
            if (filter.coachId() != null) {
                where.append(" and t.coach_id = :coachId");
                params.put("coachId", filter.coachId());
            }
        }
        if (filter.phase() != null) {
            where.append(" and t.phase = :phase");
            params.put("phase", filter.phase().name());
        } else {
            where.append(" and t.phase <> 'CLOSED'");
        }
        if (!filter.q().isEmpty()) {
            where.append(" and (lower(e.first_name) like :q or lower(e.last_name) like :q"
                    + " or lower(e.first_name || ' ' || e.last_name) like :q or lower(er.name) like :q)");
            params.put("q", "%" + filter.q().toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        String from = " from trajectory t join employee e on e.id = t.employee_id"
                + " left join employer er on er.id = t.employer_id"
                + " join app_user u on u.id = t.coach_id"
                // the latest handover, if recent: the new coach sees who handed it over, when and why
                + " left join coach_assignment ca on ca.trajectory_id = t.id and ca.position > 0"
                + " and ca.assigned_on >= :handoverSince and ca.position = (select max(a.position)"
                + " from coach_assignment a where a.trajectory_id = t.id)"
                + " left join app_user hb on hb.id = ca.assigned_by";
        params.put("handoverSince", LocalDate.now(clock).minus(HANDOVER_SHOWN));
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        // a page past the end (up to Integer.MAX_VALUE, whose offset would overflow an int) shows the last page
        int page = (int) Math.min(filter.page(), Math.max(0, (total - 1) / CaseloadFilter.PAGE_SIZE));
        YearMonth month = YearMonth.now(clock);
        params.put("monthStart", month.atDay(1));
        params.put("nextMonth", month.plusMonths(1).atDay(1));
        params.put("limit", CaseloadFilter.PAGE_SIZE);
        params.put("offset", (long) page * CaseloadFilter.PAGE_SIZE);
        var rows = jdbc.sql("""
                select t.id, e.first_name, e.last_name, er.name as employer_name, t.phase, u.display_name,
                  (select coalesce(sum(c.minutes), 0) from contact c where c.trajectory_id = t.id
                     and c.contact_on >= :monthStart and c.contact_on < :nextMonth) as minutes_this_month,
                  (select max(c.contact_on) from contact c where c.trajectory_id = t.id) as last_contact_on,
                  ca.assigned_on as handed_over_on, hb.display_name as handed_over_by, ca.reason as handover_reason
                """ + from + where + " order by e.last_name, e.first_name, t.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new CaseloadRow(rs.getLong("id"),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("employer_name"),
                        TrajectoryPhase.valueOf(rs.getString("phase")), rs.getString("display_name"),
                        Math.round(rs.getLong("minutes_this_month") / 6.0) / 10.0,
                        rs.getObject("last_contact_on", java.time.LocalDate.class),
                        rs.getObject("handed_over_on", java.time.LocalDate.class), rs.getString("handed_over_by"),
                        rs.getString("handover_reason")))
                .list();
        return new CaseloadPage(rows, total, page, CaseloadFilter.PAGE_SIZE);
    }

    /** Per coach of the organisation: active trajectories and hours logged this month. */
    List<CoachLoad> team(long organisationId) {
        YearMonth month = YearMonth.now(clock);
        return jdbc.sql("""
                select u.id, u.display_name,
                  (select count(*) from trajectory t where t.coach_id = u.id and t.phase <> 'CLOSED') as active,
                  (select coalesce(sum(c.minutes), 0) from contact c where c.logged_by = u.id
                     and c.contact_on >= :monthStart and c.contact_on < :nextMonth) as minutes_this_month
                from app_user u where u.organisation_id = :org and u.role = 'COACH' and u.enabled = true
                order by u.display_name
                """)
                .param("org", organisationId).param("monthStart", month.atDay(1))
                .param("nextMonth", month.plusMonths(1).atDay(1))
                .query((rs, n) -> new CoachLoad(rs.getLong("id"), rs.getString("display_name"), rs.getInt("active"),
                        Math.round(rs.getLong("minutes_this_month") / 6.0) / 10.0))
                .list();
    }

    record CoachLoad(long id, String name, int activeTrajectories, double hoursThisMonth) {
    }
}
