package nl.jobcoachmonitor.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.CorrectionLog;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan module's public API: the coaching plan of a trajectory, hours against the grant, and the team's use of
 * its grants. Only the trajectory's coach and the organisation's manager see a plan; only the coach changes it.
 */
@Service
@Transactional
public class PlanManagement {

    private final TrajectoryManagement trajectories;
    private final Goals goals;
    private final GrantRules rules;
    private final JdbcClient jdbc;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final CorrectionLog corrections;

    PlanManagement(TrajectoryManagement trajectories, Goals goals, GrantRules rules, JdbcClient jdbc,
            PersonalDataAccess access, Clock clock, CorrectionLog corrections) {
        this.corrections = corrections;
        this.trajectories = trajectories;
        this.goals = goals;
        this.rules = rules;
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** The plan part of the trajectory page. The read is logged. */
    @Transactional(readOnly = true)
    public PlanSection section(CurrentUser user, long trajectoryId) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        access.read("plan", "trajectory:" + trajectoryId, trajectory.employeeId());
        var commissioner = commissionerOf(trajectory.id());
        LocalDate today = LocalDate.now(clock);
        var rule = rules.history(commissioner.id());
        GrantUse use = rule.map(r -> GrantUse.of(r, trajectory.startedOn(), today, minutes(trajectory.id())))
                .orElse(null);
        LocalDate nextReport = rule.flatMap(r -> ReportPeriods.next(r, trajectory.startedOn(), today)).orElse(null);
        return new PlanSection(trajectory.id(), commissioner.name(), use, goals.of(trajectory.id()), nextReport);
    }

    /** Adds a goal to the plan; only the trajectory's coach writes the plan. */
    public long addGoal(CurrentUser user, long trajectoryId, GoalForm form) {
        TrajectoryRef trajectory = coachOnly(user, trajectoryId);
        long id = goals.add(trajectory.id(), form, user.id(), LocalDate.now(clock));
        access.created("goal", id, trajectory.employeeId());
        return id;
    }

    /** Reviews a goal: the old status and wording stay in its history. */
    public void reviewGoal(CurrentUser user, long trajectoryId, long goalId, ReviewGoalForm form) {
        TrajectoryRef trajectory = coachOnly(user, trajectoryId);
        if (form.status() == GoalStatus.OPEN) {
            throw new DomainRuleViolation("status", "goal.review.status");
        }
        if (form.status() == GoalStatus.CHANGED
                && (form.newDescription() == null || form.newDescription().isBlank())) {
            throw new DomainRuleViolation("newDescription", "goal.review.newDescription");
        }
        if (form.status().active() && form.nextReviewOn() == null) {
            throw new DomainRuleViolation("nextReviewOn", "goal.review.nextReviewOn");
        }
        goals.review(trajectory.id(), goalId, form, user.id(), LocalDate.now(clock));
        access.changed("goal", goalId, trajectory.employeeId());
    }

    /** A goal's wording as its correction form starts, for a trajectory the user sees. The read is logged. */
    @Transactional(readOnly = true)
    public CorrectGoalForm goalForm(CurrentUser user, long trajectoryId, long goalId) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        var form = goalOf(trajectory, goalId);
        access.read("goal", goalId, trajectory.employeeId());
        return form;
    }

    /**
     * Corrects a goal's wording, for a trajectory the user sees (coach: their caseload, manager: the organisation);
     * old and new wording go to the correction history. {@link ConflictException} when the goal changed since the
     * form was opened (another correction or a review).
     */
    public void correctGoal(CurrentUser user, long trajectoryId, long goalId, CorrectGoalForm form) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        var before = goalOf(trajectory, goalId);
        String description = form.description().strip();
        if (description.equals(before.description())) {
            return;
        }
        int updated = jdbc.sql("update goal set description = :d, version = version + 1 "
                + "where id = :g and trajectory_id = :t and version = :v").param("d", description).param("g", goalId)
                .param("t", trajectory.id()).param("v", form.version()).update();
        if (updated == 0) {
            throw new ConflictException("goal", goalId);
        }
        corrections.record(trajectory.employeeId(), trajectory.id(), CorrectionLog.Subject.GOAL, goalId,
                new CorrectionLog.Changes().field("description", before.description(), description).list(),
                user.id());
        access.changed("goal", goalId, trajectory.employeeId());
    }

    private CorrectGoalForm goalOf(TrajectoryRef trajectory, long goalId) {
        return jdbc.sql("select version, description from goal where id = :g and trajectory_id = :t")
                .param("g", goalId).param("t", trajectory.id())
                .query((rs, n) -> new CorrectGoalForm(rs.getInt(1), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFoundException("goal", goalId));
    }

    /** Hours against grants per coach and per commissioner, for the manager's team page. No individual is shown. */
    @Transactional(readOnly = true)
    public TeamGrants team(CurrentUser user) {
        if (!user.isManager()) {
            throw new NotFoundException("team", user.id());
        }
        record Running(long id, LocalDate start, String coach, long commissionerId, String commissioner) {
        }
        var running = jdbc.sql("""
                select t.id, t.started_on, u.display_name, c.id as commissioner_id, c.name
                from trajectory t join app_user u on u.id = t.coach_id join commissioner c on c.id = t.commissioner_id
                where t.organisation_id = :o and t.phase <> 'CLOSED'
                """).param("o", user.organisationId())
                .query((rs, n) -> new Running(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getLong(4), rs.getString(5))).list();
        Map<Long, GrantRuleHistory> byCommissioner = rules.all();
        LocalDate today = LocalDate.now(clock);
        // only today's period counts (GrantUse.of), and no period is longer than the longest in any rule: the contacts
        // before that (a week's margin for month ends) are left in the database, and a day's contacts come summed
        int longestPeriod = byCommissioner.values().stream().flatMap(h -> h.versions().stream())
                .mapToInt(GrantRule::periodMonths).max().orElse(1);
        Map<Long, List<GrantUse.Minutes>> contacts = new HashMap<>();
        jdbc.sql("""
                select c.trajectory_id, c.contact_on, sum(c.minutes) from contact c
                join trajectory t on t.id = c.trajectory_id
                where t.organisation_id = :o and t.phase <> 'CLOSED' and c.contact_on >= :earliest
                group by c.trajectory_id, c.contact_on
                """).param("o", user.organisationId())
                .param("earliest", today.minusMonths(longestPeriod).minusDays(7))
                .query((rs, n) -> contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new GrantUse.Minutes(rs.getObject(2, LocalDate.class), rs.getInt(3)))).list();
        Map<String, List<GrantUse>> perCoach = new TreeMap<>();
        Map<String, List<GrantUse>> perCommissioner = new TreeMap<>();
        for (var t : running) {
            var rule = byCommissioner.get(t.commissionerId());
            GrantUse use = rule == null ? null
                    : GrantUse.of(rule, t.start(), today, contacts.getOrDefault(t.id(), List.of()));
            perCoach.computeIfAbsent(t.coach(), k -> new ArrayList<>()).add(use);
            perCommissioner.computeIfAbsent(t.commissioner(), k -> new ArrayList<>()).add(use);
        }
        access.searched("plan", "team grants");
        Function<Map<String, List<GrantUse>>, List<TeamGrants.Total>> totals = map -> map.entrySet().stream()
                .map(e -> total(e.getKey(), e.getValue())).toList();
        return new TeamGrants(totals.apply(perCoach), totals.apply(perCommissioner));
    }

    private static TeamGrants.Total total(String name, List<GrantUse> uses) {
        double used = 0;
        double granted = 0;
        int warning = 0;
        int full = 0;
        int without = 0;
        for (GrantUse use : uses) {
            if (use == null) {
                without++;
                continue;
            }
            used += use.hoursUsed();
            granted += use.hoursGranted();
            switch (use.level()) {
                case WARNING -> warning++;
                case FULL, OVER -> full++;
                default -> { }
            }
        }
        return new TeamGrants.Total(name, uses.size(), GrantUse.round(used), GrantUse.round(granted), warning + full,
                full, without);
    }

    /**
     * The level of hours against the grant (80% warning, 100% full, over) of those of these trajectories the user may
     * see and whose commissioner has grant rules, in their current grant period; for the caseload's badges. The other
     * ids are left out (the caseload has scoped them already; this scopes again rather than trust the caller).
     */
    @Transactional(readOnly = true)
    public Map<Long, GrantUse.Level> grantLevels(CurrentUser user, List<Long> trajectoryIds) {
        if (trajectoryIds.isEmpty() || !(user.isCoach() || user.isManager())) {
            return Map.of();
        }
        record Row(long id, LocalDate start, long commissionerId) {
        }
        var rows = jdbc.sql("select id, started_on, commissioner_id from trajectory where id in (:ids) and "
                        + (user.isCoach() ? "coach_id" : "organisation_id") + " = :scope")
                .param("ids", trajectoryIds).param("scope", user.isCoach() ? user.id() : user.organisationId())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3))).list();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<GrantUse.Minutes>> contacts = new HashMap<>();
        jdbc.sql("select trajectory_id, contact_on, minutes from contact where trajectory_id in (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new GrantUse.Minutes(rs.getObject(2, LocalDate.class), rs.getInt(3)))).list();
        var byCommissioner = rules.all();
        LocalDate today = LocalDate.now(clock);
        Map<Long, GrantUse.Level> levels = new HashMap<>();
        for (var row : rows) {
            var rule = byCommissioner.get(row.commissionerId());
            if (rule != null) {
                levels.put(row.id(), GrantUse.of(rule, row.start(), today,
                        contacts.getOrDefault(row.id(), List.of())).level());
            }
        }
        return levels;
    }

    /** The trajectory, if the user is its coach (a manager may read the plan, not write it). */
    public TrajectoryRef coachOnly(CurrentUser user, long trajectoryId) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        if (!user.isCoach()) {
            throw new NotFoundException("plan", trajectoryId);
        }
        return trajectory;
    }

    record Commissioner(long id, String name) {
    }

    Commissioner commissionerOf(long trajectoryId) {
        return jdbc.sql("select c.id, c.name from trajectory t join commissioner c on c.id = t.commissioner_id "
                + "where t.id = :t").param("t", trajectoryId)
                .query((rs, n) -> new Commissioner(rs.getLong(1), rs.getString(2))).single();
    }

    List<GrantUse.Minutes> minutes(long trajectoryId) {
        return jdbc.sql("select contact_on, minutes from contact where trajectory_id = :t").param("t", trajectoryId)
                .query((rs, n) -> new GrantUse.Minutes(rs.getObject(1, LocalDate.class), rs.getInt(2))).list();
    }
}
