package nl.jobcoachmonitor.plan;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan module's part of erasing a person: what is written in words about them. The goals are in the employee's
 * own words, reviews and reports carry remarks, the coach's summary and the employee's name, date of birth and the
 * commissioner's numbers; the personal assessment links go. Dates, statuses, themes, hours and grades
 * stay: they are the accountability's figures and identify no one.
 */
@Component
public class PlanErasure {

    /** What an erased goal or report line reads as. */
    public static final String ERASED = "—";

    private final JdbcClient jdbc;

    PlanErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(Collection<Long> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update goal_review set previous_description = :erased, remark = null
                where goal_id in (select id from goal where trajectory_id in (:t))""")
                .param("erased", ERASED).param("t", trajectoryIds).update();
        jdbc.sql("update goal set description = :erased, version = version + 1 where trajectory_id in (:t)")
                .param("erased", ERASED).param("t", trajectoryIds).update();
        jdbc.sql("""
                update accountability_report_line set label = :erased
                where kind = 'GOAL' and report_id in (select id from accountability_report where trajectory_id in (:t))""")
                .param("erased", ERASED).param("t", trajectoryIds).update();
        jdbc.sql("""
                delete from assessment_link
                where report_id in (select id from accountability_report where trajectory_id in (:t))""")
                .param("t", trajectoryIds).update();
        jdbc.sql("""
                update accountability_report set summary = null, employee_remark = null, employer_remark = null,
                  employee_name = null, employee_birth_date = null, client_number = null, case_number = null,
                  version = version + 1
                where trajectory_id in (:t)""")
                .param("t", trajectoryIds).update();
    }
}
