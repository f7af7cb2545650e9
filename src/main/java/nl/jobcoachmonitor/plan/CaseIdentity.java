package nl.jobcoachmonitor.plan;

import java.time.LocalDate;

/**
 * Who and what an accountability report is about, as the commissioner files it: the employee's name, and the
 * commissioner's client number or else the date of birth, the commissioner's order or case number, the coaching
 * organisation, the coach and the employer. Nothing medical. Fields may be null (no employer yet, no numbers yet, or
 * erased after the retention period).
 */
public record CaseIdentity(String employeeName, LocalDate birthDate, String clientNumber, String caseNumber,
        String organisationName, String coachName, String employerName) {

    /** The date of birth only where the commissioner has no client number for the employee (data minimisation). */
    public LocalDate birthDateShown() {
        return clientNumber == null ? birthDate : null;
    }
}
