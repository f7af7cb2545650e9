package nl.jobcoachmonitor.mail;

import java.time.LocalDate;

/** The latest mail to a respondent of a wave, as the coach sees it next to the wave. */
public record MailNote(MailKind kind, MailState state, LocalDate on) {
}
