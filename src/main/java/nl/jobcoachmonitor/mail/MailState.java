package nl.jobcoachmonitor.mail;

/** Where a mail stands. */
public enum MailState {
    /** no mail server is configured: the mail is kept in the outbox only (the embedded demo default). */
    OUTBOX,
    /** recorded, not yet handed to the mail server (or the application stopped before it could). */
    PENDING,
    /** the mail server accepted it. */
    SENT,
    /** the mail server could not be reached or refused it; the error is in the outbox. */
    FAILED
}
