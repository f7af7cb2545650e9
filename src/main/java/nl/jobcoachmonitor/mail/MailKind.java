package nl.jobcoachmonitor.mail;

/**
 * Why a mail was sent: the coach invited someone to a questionnaire, the reminder job reminded them, or the coach sent
 * the employee their own-data link or their link to assess the coaching for an accountability report (no wave), or
 * an administrator invited a new staff member to set their password.
 */
public enum MailKind {
    INVITATION, REMINDER, OWN_DATA, ASSESSMENT,
    /** A new staff member's link to set their own password (identity's {@code AccountInvitations}). */
    ACCOUNT,
    /** the signed accountability report to the commissioner, with its PDF attached. */
    REPORT,
    /** A knowledge circle meeting: registration confirmed, a place from the waiting list, the report published. */
    MEETING,
    /** The reminder of a knowledge circle meeting, the day before (circle's reminder job). */
    MEETING_REMINDER
}
