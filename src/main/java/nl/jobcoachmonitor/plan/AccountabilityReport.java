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
        String employerRemark, Instant createdAt, Instant signedAt, List<Line> lines, CaseIdentity identity,
        Sending sending) {

    /**
     * How the signed report went to the commissioner, recorded once at sign-off: by mail ({@code MAIL}, to
     * {@code to}, the mail {@code mailId}) or handed over ({@code HANDED_OVER}) on {@code on}, by {@code byName}.
     */
    public record Sending(String how, String to, LocalDate on, Long mailId, String byName) {

        public boolean mailed() {
            return "MAIL".equals(how);
        }
    }

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

    /** The minutes per party; a care provider's count as "others" (also in versions stored before that rule). */
    public List<Line> parties() {
        var minutes = new java.util.LinkedHashMap<String, Integer>();
        lines.stream().filter(l -> l.kind().equals("PARTY")).forEach(l -> minutes.merge(
                "CARE_PROVIDER".equals(l.label()) ? "OTHER" : l.label(), l.minutes(), Integer::sum));
        return minutes.entrySet().stream().map(e -> new Line("PARTY", e.getKey(), null, e.getValue())).toList();
    }

    /**
     * The PDF's file name: the case number (or the trajectory) and the period, as the commissioner files it, e.g.
     * {@code verantwoording-WMO-2026-0042-2026-01-01-tot-2026-06-30-v1.pdf}; only letters, digits, dots and dashes.
     */
    public String fileName() {
        String number = identity != null && identity.caseNumber() != null ? identity.caseNumber()
                : "traject-" + trajectoryId;
        String safe = number.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return "verantwoording-" + (safe.isEmpty() ? "traject-" + trajectoryId : safe) + "-" + periodFrom + "-tot-"
                + lastDay() + "-v" + versionNo + ".pdf";
    }

    public int unlinkedMinutes() {
        return lines.stream().filter(l -> l.kind().equals("UNLINKED")).mapToInt(Line::minutes).sum();
    }
}
