package nl.jobcoachmonitor.personaldata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.trajectory.CorrectionLog;

/**
 * Everything the application holds about one employee, as they see and download it (GDPR art. 15 and 20). Codes
 * (phase, party, theme, ...) are shown with their label in the reader's language; the downloads carry both.
 *
 * <p>The coach's free-text notes of contacts are included: under the right of access a person gets the personal data
 * about them, and a note about a conversation with them is that. (Notes are short and factual by design; a coach who
 * writes one writes it knowing the employee can read it.)
 */
record OwnData(Person person, List<TrajectoryData> trajectories, List<CorrectionLog.Correction> corrections,
        Instant madeAt) {

    record Person(long id, String firstName, String lastName, LocalDate birthDate, String email, String phone) {
    }

    record TrajectoryData(long id, String phase, String closingReason, LocalDate startedOn, LocalDate closedOn,
            String coach, String organisation, String commissioner, String employer, Job job, List<PhaseStep> phases,
            List<JobStep> jobChanges, List<ContactData> contacts, List<GoalData> goals, List<ReportData> reports,
            List<ConsentData> consents) {
    }

    /** A goal of the coaching plan: the employee's own words, its status and when it is reviewed. */
    record GoalData(long id, String description, String status, LocalDate reviewOn) {
    }

    /** An accountability report as it was sent (signed off) to the commissioner: a frozen version. */
    record ReportData(LocalDate periodFrom, LocalDate periodTo, int versionNo, String commissioner,
            java.time.ZonedDateTime sentAt, BigDecimal hoursGranted, int minutesTotal, int contactCount,
            String summary, Integer employeeGrade, Integer employerGrade, List<ReportLine> lines) {

        /** The period's last day (the period ends before {@code periodTo}). */
        public LocalDate lastDay() {
            return periodTo.minusDays(1);
        }
    }

    /** A line of a report: hours per goal (with its status) or per party. */
    record ReportLine(String kind, String label, String status, int minutes) {
    }

    /** A consent decision as recorded: for what, given or not, since when, which version of the consent text. */
    record ConsentData(String purpose, boolean given, LocalDate decidedOn, String textVersion) {
    }

    record Job(String title, BigDecimal contractHours, String contractType, LocalDate startedOn) {
    }

    record PhaseStep(LocalDate changedOn, String fromPhase, String toPhase, String closingReason) {
    }

    record JobStep(LocalDate changedOn, String kind, String jobTitle, BigDecimal contractHours, String contractType,
            String employer, String note) {
    }

    record ContactData(long id, LocalDate date, int minutes, String party, String mode, List<String> themes, String note) {
    }
}
