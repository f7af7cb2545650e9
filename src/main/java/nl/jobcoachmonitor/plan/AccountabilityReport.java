package nl.jobcoachmonitor.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of an accountability report: the frozen health-free figures of its period, the coach's summary and
 * the employee's and employer's assessment (grade 1-10 and a short remark). Signed off, it counts as sent and never
 * changes; a correction is a new version.
 */
public record AccountabilityReport(long id, long trajectoryId, int versionNo, LocalDate periodFrom,
        LocalDate periodTo, String commissionerName, ReportTemplate template, Double hoursGranted, int minutesTotal,
        int contactCount, String summary, Integer employeeGrade, String employeeRemark, Integer employerGrade,
        String employerRemark, Instant createdAt, Instant signedAt, List<Line> lines) {

    /** A goal (with status), a party, or the minutes linked to no goal. */
    public record Line(String kind, String label, GoalStatus status, int minutes) {

        public double hours() {
            return GrantUse.round(minutes / 60.0);
        }
    }

    public boolean signed() {
        return signedAt != null;
    }

    public double hoursUsed() {
        return GrantUse.round(minutesTotal / 60.0);
    }

    public LocalDate lastDay() {
        return periodTo.minusDays(1);
    }

    public List<Line> goals() {
        return lines.stream().filter(l -> l.kind().equals("GOAL")).toList();
    }

    public List<Line> parties() {
        return lines.stream().filter(l -> l.kind().equals("PARTY")).toList();
    }

    public int unlinkedMinutes() {
        return lines.stream().filter(l -> l.kind().equals("UNLINKED")).mapToInt(Line::minutes).sum();
    }
}
