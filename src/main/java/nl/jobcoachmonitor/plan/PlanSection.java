package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * The coaching plan part of the trajectory page: the commissioner, hours used against hours granted in the current
 * grant period ({@code use} is null when the commissioner has no grant rules yet), the goals, and when the next
 * accountability report is due (null without rules or after the maximum duration).
 */
public record PlanSection(long trajectoryId, String commissionerName, GrantUse use, List<Goal> goals,
        LocalDate nextReportOn) {

    public long activeGoals() {
        return goals.stream().filter(g -> g.status().active()).count();
    }
}
