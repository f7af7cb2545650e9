package nl.jobcoachmonitor.measurement;

/** Why a questionnaire mail was sent: the coach invited someone, or the reminder job reminded them. */
public enum MailKind {
    INVITATION, REMINDER
}
