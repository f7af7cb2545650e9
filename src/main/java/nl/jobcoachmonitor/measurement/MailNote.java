package nl.jobcoachmonitor.measurement;

import java.time.LocalDate;

/** The latest questionnaire mail to a respondent of a wave, as the coach sees it next to the wave. */
public record MailNote(MailKind kind, MailState state, LocalDate on) {
}
