package nl.jobcoachmonitor.measurement;

import java.time.LocalDate;

import nl.jobcoachmonitor.mail.MailNote;

/**
 * A wave as the coach sees it on the trajectory page; the employer's questionnaire (T0, T2) is optional. The mail
 * notes are the latest questionnaire mail to the employee and to the employer contact (null when none was sent).
 */
public record WaveSummary(long id, String code, LocalDate dueOn, WaveState state, ResponseState employee,
        boolean employeeLinkAllowed, ResponseState coach, boolean coachQuestionnaireAllowed, ResponseState employer,
        boolean employerLinkAllowed, boolean employeeEntryAllowed, MailNote employeeMail, MailNote employerMail,
        boolean employeeAfterwardsAllowed, LocalDate employeeAnsweredOn, LocalDate employeeEnteredOn) {

    /** Whether the employee's answers were given on paper and entered afterwards (then with the day answered). */
    public boolean employeeEnteredAfterwards() {
        return employeeEnteredOn != null;
    }
}
