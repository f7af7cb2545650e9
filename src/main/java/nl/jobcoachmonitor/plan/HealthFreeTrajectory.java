package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.coaching.Party;

/**
 * The health-free view of a trajectory in one report period: everything an accountability report to a commissioner
 * may contain, and nothing else. This type has no field for health data, contact notes, reasons, themes or
 * questionnaire answers, so none of them can reach a report built from it. Minutes with a care provider count as
 * "others": the party alone would tell that the employee receives care.
 */
public record HealthFreeTrajectory(long trajectoryId, String commissionerName, ReportTemplate template,
        LocalDate periodFrom, LocalDate periodTo, Double hoursGranted, int contactCount, int minutesTotal,
        List<GoalHours> goals, List<PartyHours> parties, int unlinkedMinutes, CaseIdentity identity) {

    /** A goal of the plan, its status and the minutes of the period's contacts linked to it (shared). */
    public record GoalHours(String description, GoalStatus status, int minutes) {
    }

    /** Minutes of the period's contacts with one party. */
    public record PartyHours(Party party, int minutes) {
    }
}
