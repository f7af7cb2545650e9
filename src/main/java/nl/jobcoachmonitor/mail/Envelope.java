package nl.jobcoachmonitor.mail;

/**
 * Whom a mail goes to and what it is about: its kind, the wave (null for a mail that belongs to no wave), the
 * respondent it is addressed to ({@code EMPLOYEE} or {@code EMPLOYER}), the person it concerns (the employee, also when
 * the employer contact is mailed), the address, the language, the application's address the link starts with (kept so
 * that a later reminder links to the same place) and the user who had it sent (null for a job).
 */
public record Envelope(MailKind kind, Long waveId, String respondent, Long personId, String address,
        MailLanguage language, String linkBase, Long createdBy) {
}
