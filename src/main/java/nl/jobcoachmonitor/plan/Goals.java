package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The goals of coaching plans, their themes, reviews and the hours of the contacts linked to them. */
@Repository
class Goals {

    /**
     * Minutes per goal: a contact linked to several goals counts for each of them in equal shares, so the hours per
     * goal add up to the hours of the linked contacts.
     */
    static final String SHARED_MINUTES = """
            select cg.goal_id, sum(c.minutes * 1.0 / (select count(*) from contact_goal x where x.contact_id = c.id))
              as minutes
            from contact_goal cg join contact c on c.id = cg.contact_id
            where c.trajectory_id = :t and c.contact_on >= :from and c.contact_on < :to
            group by cg.goal_id
            """;

    private final JdbcClient jdbc;

    Goals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The goals of a trajectory, oldest first, with the hours of all contacts linked to them. */
    List<Goal> of(long trajectoryId) {
        record Row(long id, String description, boolean employee, boolean employer, LocalDate reviewOn,
                GoalStatus status) {
        }
        var rows = jdbc.sql("select id, description, agreed_with_employee, agreed_with_employer, review_on, status "
                + "from goal where trajectory_id = :t order by id").param("t", trajectoryId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getObject(5, LocalDate.class), GoalStatus.valueOf(rs.getString(6)))).list();
        Map<Long, TreeSet<Theme>> themes = new HashMap<>();
        jdbc.sql("select gt.goal_id, gt.theme from goal_theme gt join goal g on g.id = gt.goal_id "
                + "where g.trajectory_id = :t").param("t", trajectoryId)
                .query((rs, n) -> themes.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>())
                        .add(Theme.valueOf(rs.getString(2)))).list();
        Map<Long, List<Goal.Review>> reviews = new HashMap<>();
        jdbc.sql("select r.goal_id, r.reviewed_on, r.status, r.previous_description, r.remark from goal_review r "
                + "join goal g on g.id = r.goal_id where g.trajectory_id = :t order by r.reviewed_on, r.id")
                .param("t", trajectoryId)
                .query((rs, n) -> reviews.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Goal.Review(rs.getObject(2, LocalDate.class), GoalStatus.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5)))).list();
        var minutes = minutes(trajectoryId, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 1, 1));
        return rows.stream().map(r -> new Goal(r.id(), r.description(), themes.getOrDefault(r.id(), new TreeSet<>()),
                r.employee(), r.employer(), r.reviewOn(), r.status(),
                GrantUse.round(minutes.getOrDefault(r.id(), 0.0) / 60.0),
                reviews.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Minutes per goal of the contacts in [from, to), shared over the goals each contact is linked to. */
    Map<Long, Double> minutes(long trajectoryId, LocalDate from, LocalDate to) {
        Map<Long, Double> result = new LinkedHashMap<>();
        jdbc.sql(SHARED_MINUTES).param("t", trajectoryId).param("from", from).param("to", to)
                .query((rs, n) -> result.put(rs.getLong(1), rs.getDouble(2))).list();
        return result;
    }

    long add(long trajectoryId, GoalForm form, long userId, LocalDate today) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into goal (trajectory_id, description, agreed_with_employee, agreed_with_employer, review_on,
                  status, created_on, created_by)
                values (:t, :d, :ee, :er, :r, 'OPEN', :today, :u)
                """).param("t", trajectoryId).param("d", form.description().trim())
                .param("ee", Boolean.TRUE.equals(form.agreedWithEmployee()))
                .param("er", Boolean.TRUE.equals(form.agreedWithEmployer()))
                .param("r", form.reviewOn()).param("today", today).param("u", userId)
                .update(key, "id");
        long id = key.getKey().longValue();
        if (form.themes() != null) {
            form.themes().forEach(theme -> jdbc.sql("insert into goal_theme (goal_id, theme) values (:g, :th)")
                    .param("g", id).param("th", theme.name()).update());
        }
        return id;
    }

    /** Records a review and moves the goal to its new status (and wording, when changed); the history is kept. */
    void review(long trajectoryId, long goalId, ReviewGoalForm form, long userId, LocalDate today) {
        String description = jdbc.sql("select description from goal where id = :g and trajectory_id = :t")
                .param("g", goalId).param("t", trajectoryId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("goal", goalId));
        jdbc.sql("""
                insert into goal_review (goal_id, reviewed_on, status, previous_description, remark, reviewed_by)
                values (:g, :on, :s, :d, :r, :u)
                """).param("g", goalId).param("on", today).param("s", form.status().name())
                .param("d", description).param("r", blankToNull(form.remark())).param("u", userId).update();
        String newDescription = form.status() == GoalStatus.CHANGED ? form.newDescription().trim() : description;
        LocalDate next = form.nextReviewOn() != null ? form.nextReviewOn() : today;
        jdbc.sql("update goal set status = :s, description = :d, review_on = :r, version = version + 1 "
                + "where id = :g").param("s", form.status().name()).param("d", newDescription).param("r", next)
                .param("g", goalId).update();
    }

    /** The goals still worked on, for linking contacts. */
    List<Goal> active(long trajectoryId) {
        return of(trajectoryId).stream().filter(g -> g.status().active()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
