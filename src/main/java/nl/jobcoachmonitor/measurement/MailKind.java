package nl.jobcoachmonitor.measurement;

/**
 * Why a mail was sent: the coach invited someone to a questionnaire, the reminder job reminded them, or the coach sent
 * the employee their own-data link (no wave).
 */
public enum MailKind {
    INVITATION, REMINDER, OWN_DATA
}
